package org.sockscope.ui.widget;

import org.sockscope.trace.ActorView;

/**
 * What one actor's thread lane shows.
 *
 * @param actor         the actor's name ({@code P2})
 * @param tid           the kernel's thread id, -1 when unknown
 * @param status        where the thread is
 * @param call          the current or last call as C ({@code recv(6, r_buf, 200, 0)}), empty before the first
 * @param syscall       while blocked: the system call the kernel says it sleeps in ({@code recvfrom})
 * @param wchan         while blocked: the kernel function it sleeps in ({@code wait_woken})
 * @param startedNanos  when the current or last call started (trace clock)
 * @param result        the return as strace prints it ({@code 100}, {@code -1 EAGAIN (…)}), empty while in a call
 * @param durationNanos how long the last call took
 * @param blockedBefore the last call slept before it returned
 * @param cancelledBy   how the call was woken from outside ({@code shutdown(6, SHUT_RDWR)}), else empty
 */
public record LaneState(String actor, int tid, Status status, String call, String syscall, String wchan,
                        long startedNanos, String result, long durationNanos, boolean blockedBefore,
                        String cancelledBy) {

    /** Where a thread is in a call's life. */
    public enum Status { IDLE, RUNNING, BLOCKED, RETURNED, FAILED, CANCELLED, STOPPED }

    /** The lane of an actor as a Snapshot shows it ({@code a} null: an actor that has made no call). */
    public static LaneState of(String process, ActorView a) {
        if (a == null) {
            return idle(process);
        }
        LaneState.Status status = switch (a.status()) {
            case IDLE -> LaneState.Status.IDLE;
            case RUNNING -> LaneState.Status.RUNNING;
            case BLOCKED -> LaneState.Status.BLOCKED;
            case RETURNED -> a.outcome() != null && a.outcome().failed() ? LaneState.Status.FAILED : LaneState.Status.RETURNED;
            case CANCELLED -> LaneState.Status.CANCELLED;
            case STOPPED -> LaneState.Status.STOPPED;
        };
        String result = a.outcome() == null ? "" : a.outcome().display()
                + (a.outcome().calls() > 1 ? String.format(" (%,d calls)", a.outcome().calls()) : "");
        return new LaneState(a.name(), a.tid(), status, a.call() == null ? "" : a.call().text(), a.syscall(), a.wchan(),
                a.startedNanos(), result, a.outcome() == null ? 0 : a.outcome().durationNanos(),
                a.outcome() != null && a.outcome().blocked(), a.cancelledBy());
    }

    /** A lane for an actor that has made no call yet. */
    public static LaneState idle(String actor) {
        return new LaneState(actor, -1, Status.IDLE, "", "", "", 0, "", 0, false, "");
    }

    /** True while a call is in progress. */
    public boolean inCall() {
        return status == Status.RUNNING || status == Status.BLOCKED;
    }

    /** The status badge: a glyph and a word, and where the state comes from. */
    public Figure badge() {
        String text = switch (status) {
            case IDLE -> "○ idle";
            case RUNNING -> "▶ running";
            case BLOCKED -> "‖ BLOCKED";
            case RETURNED -> "✓ returned";
            case FAILED -> "✕ failed";
            case CANCELLED -> "↯ woken";
            case STOPPED -> "■ stopped";
        };
        return new Figure(text, Source.KERNEL, actor + " is one thread" + (tid > 0 ? ", kernel thread id " + tid
                + " (gettid())" : "") + ". Its state comes from /proc/self/task/<tid>/ while it sleeps in a call.");
    }

    /** The line under the call: what the kernel says about it. */
    public Figure detail() {
        String d = switch (status) {
            case IDLE -> "idle: waiting for a call";
            case RUNNING -> "in the kernel, not asleep (yet)";
            case BLOCKED -> "asleep in " + syscall + " · wchan " + (wchan.isEmpty() ? "?" : wchan);
            case RETURNED, FAILED -> "= " + result + (blockedBefore ? " · after blocking" : "");
            case CANCELLED -> "woken by " + cancelledBy + (result.isEmpty() ? "" : " · = " + result);
            case STOPPED -> "thread stopped";
        };
        return switch (status) {
            case BLOCKED -> new Figure(d, Source.KERNEL, "/proc/self/task/" + tid + "/stat (state S), …/syscall ("
                    + syscall + ") and …/wchan (" + wchan + "): the kernel says this thread sleeps in the call.");
            case RETURNED, FAILED, CANCELLED -> new Figure(d, Source.SYSCALL, "The return value (and errno) of "
                    + call + (cancelledBy.isEmpty() ? "" : "; the lab woke it with " + cancelledBy));
            default -> new Figure(d, Source.DERIVED, "The actor's own record of the call it is making.");
        };
    }

    /** The clock at the lane's right: how long the call has run ({@code nowNanos}: trace clock), or took. */
    public Figure clock(long nowNanos) {
        if (inCall()) {
            return new Figure("for " + formatDuration(Math.max(0, nowNanos - startedNanos)), Source.DERIVED,
                    "Time since the call started (SockScope's trace clock), running while it lasts.");
        }
        if (status == Status.IDLE || status == Status.STOPPED) {
            return Figure.NONE;
        }
        return new Figure("took " + formatDuration(durationNanos), Source.SYSCALL,
                "Wall time from entering the call to its return, measured around the system call.");
    }

    /** A duration as people read it: {@code 12 µs}, {@code 3.4 ms}, {@code 2.41 s}. */
    public static String formatDuration(long nanos) {
        if (nanos < 1_000_000) {
            return Math.max(0, nanos / 1000) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return String.format("%.1f ms", nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }
}
