package org.sockscope.ui.widget;

import org.sockscope.trace.ActorView;
import org.sockscope.trace.CallOutcome;

/**
 * What one actor's thread lane shows.
 *
 * @param actor        the actor's name ({@code P2})
 * @param tid          the kernel's thread id, -1 when unknown
 * @param status       where the thread is
 * @param call         the current or last call as C ({@code recv(6, r_buf, 200, 0)}), empty before the first
 * @param syscall      while blocked: the system call the kernel says it sleeps in ({@code recvfrom})
 * @param wchan        while blocked: the kernel function it sleeps in ({@code wait_woken}), empty when unreadable
 * @param startedNanos when the current or last call started (trace clock)
 * @param result       the return as strace prints it ({@code 100}, {@code -1 EAGAIN (…)}), empty while in a call
 * @param outcome      the last call's own measurement, null while a call runs or before the first
 * @param metered      the last call was made through the call meter, so its time in the kernel and its
 *                     context switches were measured ({@code CallSpec.metered()})
 * @param cancelledBy  how the call was woken from outside ({@code shutdown(6, SHUT_RDWR)}), else empty
 */
public record LaneState(String actor, int tid, Status status, String call, String syscall, String wchan,
                        long startedNanos, String result, CallOutcome outcome, boolean metered, String cancelledBy) {

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
                a.startedNanos(), result, a.outcome(), a.call() != null && a.call().metered(), a.cancelledBy());
    }

    /** A lane for an actor that has made no call yet. */
    public static LaneState idle(String actor) {
        return new LaneState(actor, -1, Status.IDLE, "", "", "", 0, "", null, false, "");
    }

    /** True while a call is in progress. */
    public boolean inCall() {
        return status == Status.RUNNING || status == Status.BLOCKED;
    }

    /** True when the last call's own measurement says the kernel put its thread to sleep inside it. */
    public boolean blockedBefore() {
        return metered && outcome != null && outcome.blocked();
    }

    /** The status badge: a glyph and a word, and where the state comes from. */
    public SourcedText badge() {
        String thread = actor + " is one thread" + (tid > 0 ? ", kernel thread id " + tid + " (gettid(), called on the thread itself)" : "")
                + ".\n";
        return switch (status) {
            case IDLE -> new SourcedText("○ idle", Source.DERIVED, thread + "No call in progress (SockScope's record of the actor).");
            case RUNNING -> new SourcedText("▶ running", Source.DERIVED, thread + "The actor has entered the call (SockScope's"
                    + " record); the sampler has not seen its thread asleep in it (yet).");
            case BLOCKED -> new SourcedText("‖ BLOCKED", Source.KERNEL, thread + "The sampler thread read state S (asleep) in "
                    + task() + "/stat, inside " + syscall + " (" + task() + "/syscall).");
            case RETURNED -> new SourcedText("✓ returned", Source.SYSCALL, thread + "The call returned; its value is below.");
            case FAILED -> new SourcedText("✕ failed", Source.SYSCALL, thread + "The call returned -1; its errno is below.");
            case CANCELLED -> new SourcedText("↯ woken", Source.SYSCALL, thread + "The lab woke the call with " + cancelledBy
                    + " from its control thread; " + (outcome == null ? "it has not returned yet." : "what it returned is below."));
            case STOPPED -> new SourcedText("■ stopped", Source.DERIVED, thread + "The actor's thread has ended (SockScope's record).");
        };
    }

    /** The line under the call: what the kernel says about it. */
    public SourcedText detail() {
        return switch (status) {
            case IDLE -> new SourcedText("idle: waiting for a call", Source.DERIVED, "SockScope's record of the actor: no call in progress.");
            case RUNNING -> new SourcedText("in the call, not seen asleep (yet)", Source.DERIVED, "The actor has entered "
                    + call + " (SockScope's record). The sampler reads " + task() + "/stat at each poll and says once if"
                    + " the thread sleeps in the call; a short sleep can end between two polls. Whether it slept is"
                    + " settled when it returns: " + SWITCHES + ".");
            case BLOCKED -> new SourcedText("asleep in " + syscall + (wchan.isEmpty() ? "" : " · wchan " + wchan), Source.KERNEL,
                    "Read by the sampler thread while the call runs, as evidence of where it sleeps: " + task()
                            + "/stat (state S), " + task() + "/syscall (the system call's number: " + syscall + ") and "
                            + task() + "/wchan (the kernel function it sleeps in: " + (wchan.isEmpty()
                            ? "not readable here, so none is shown" : wchan) + "). Whether the call slept is settled"
                            + " when it returns: " + SWITCHES + ".");
            case RETURNED, FAILED -> new SourcedText("= " + result + (blockedBefore() ? " · after blocking" : ""), Source.SYSCALL,
                    returned() + slept());
            case CANCELLED -> new SourcedText("woken by " + cancelledBy + (result.isEmpty() ? "" : " · = " + result), Source.SYSCALL,
                    "The lab woke the call with " + cancelledBy + " from its control thread."
                            + (outcome == null ? "" : "\n" + returned() + slept()));
            case STOPPED -> new SourcedText("thread stopped", Source.DERIVED, "SockScope's record: the actor's thread has ended.");
        };
    }

    /**
     * The clock at the lane's right: while a call runs, how long it has run so far ({@code nowNanos}:
     * the trace clock); once it returned, its own measurement (time in the kernel, or a loop's calls).
     */
    public SourcedText clock(long nowNanos) {
        if (inCall()) {
            return new SourcedText("for " + formatDuration(Math.max(0, nowNanos - startedNanos)), Source.DERIVED,
                    "Time since the call started, counted by the screen: SockScope's trace clock (CLOCK_MONOTONIC) now"
                            + " minus the moment the call started. Not the kernel's figure: the call's own measurement"
                            + " replaces it when it returns.");
        }
        if (outcome == null) {
            return SourcedText.NONE;
        }
        CallOutcome o = outcome;
        String whole = (o.loop() ? "The whole loop" : "The whole entry, with SockScope's code around the call,")
                + " took " + known(o.wallNanos()) + " wall time (CLOCK_MONOTONIC); on a CPU " + known(o.cpuNanos())
                + ", waiting for one " + known(o.waitNanos()) + " (/proc/thread-self/schedstat)" + ".";
        if (!metered) {
            return new SourcedText("wall " + known(o.wallNanos()), Source.MEASURED, callName() + " is not made through"
                    + " SockScope's call meter, so its time in the kernel and its context switches were not measured.\n"
                    + "This is the wall time of the whole entry on the actor thread: CLOCK_MONOTONIC before and after,"
                    + " SockScope's code around the call included; on a CPU " + known(o.cpuNanos()) + ", waiting for one "
                    + known(o.waitNanos()) + " (/proc/thread-self/schedstat).");
        }
        String inKernel = o.syscallNanos() < 0 ? "in the kernel: unknown" : "in the kernel " + formatDuration(o.syscallNanos());
        if (o.loop()) {
            return new SourcedText(String.format("%,d calls, ", o.calls()) + (o.syscallNanos() < 0 ? "kernel time unknown"
                    : formatDuration(o.syscallNanos()) + " in the kernel"), Source.MEASURED,
                    String.format("measured on the actor thread: CLOCK_MONOTONIC before and after each of the %,d system"
                            + " calls, summed: %s; slept: %s over all of them; preempted: %s.%n%s%nThe loop: %s.",
                            o.calls(), known(o.syscallNanos()), switches(o.voluntarySwitches(), "voluntary") + " ("
                                    + RUSAGE + ")", switches(o.involuntarySwitches(), "involuntary"), whole, o.stopText()));
        }
        return new SourcedText(inKernel, Source.MEASURED, "measured on the actor thread: CLOCK_MONOTONIC before and after the"
                + " system call: " + known(o.syscallNanos()) + "; slept: " + switches(o.voluntarySwitches(), "voluntary")
                + " (" + RUSAGE + "); preempted: " + switches(o.involuntarySwitches(), "involuntary") + ".\n" + whole);
    }

    private static final String RUSAGE = "getrusage RUSAGE_THREAD, read right before and after";
    private static final String SWITCHES = "the actor thread counts its own voluntary context switches around the system"
            + " call (getrusage RUSAGE_THREAD)";

    private String task() {
        return "/proc/<pid>/task/" + (tid > 0 ? Integer.toString(tid) : "<tid>");
    }

    private String callName() {
        int paren = call.indexOf('(');
        return paren > 0 ? call.substring(0, paren) + "()" : "This call";
    }

    /** What the return value is, for the detail's tooltip. */
    private String returned() {
        if (outcome == null) {
            return "";
        }
        String errno = outcome.failed() ? ", with the errno captured right after it" : "";
        if (outcome.loop()) {
            boolean helper = call.startsWith("fill(") || call.startsWith("drain(");
            return result + ": " + (helper && !outcome.failed() ? "the bytes its calls moved, the sum of their return values"
                    : "what its last system call returned" + errno) + " (" + outcome.stopText() + ").";
        }
        return result + ": what " + call + " returned" + errno + ".";
    }

    /** Whether the call slept, with the figure that says so (nothing when it was not measured). */
    private String slept() {
        if (outcome == null || !metered) {
            return "";
        }
        long v = outcome.voluntarySwitches();
        if (v < 0) {
            return "\nWhether it slept: unknown (no context-switch figure).";
        }
        String inside = outcome.loop() ? "inside its calls" : "inside the call";
        return "\n" + (v > 0 ? "after blocking: the kernel put the thread to sleep " + inside + ": "
                : (outcome.loop() ? "None of its calls slept: " : "It did not sleep: ")) + switches(v, "voluntary")
                + " (" + RUSAGE + ", on the actor thread).";
    }

    private static String switches(long n, String kind) {
        return n < 0 ? "unknown" : String.format("%,d %s context switch%s", n, kind, n == 1 ? "" : "es");
    }

    /** A duration, or {@code unknown} for a figure that could not be read (-1): never a made-up 0. */
    static String known(long nanos) {
        return nanos < 0 ? "unknown" : formatDuration(nanos);
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
