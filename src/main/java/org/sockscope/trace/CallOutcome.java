package org.sockscope.trace;

import org.sockscope.posix.Errno;

/**
 * What the kernel answered, as measured by the actor's thread itself: each system call is made by
 * the call meter, which reads the thread's kernel counters right before and after it.
 *
 * @param ret                 the return value: the system call's; for SockScope's {@code fill}/{@code
 *                            drain} helpers the bytes their calls moved in all (the real sum)
 * @param errno               errno when {@code ret == -1}, else 0
 * @param calls               how many system calls this entry stands for: 1, or more for a loop
 * @param lastRet             the last system call's return value (equal to {@code ret} for one call)
 * @param lastErrno           the last system call's errno, 0 unless it returned -1
 * @param stop                why the call (or loop) ended
 * @param syscallNanos        time inside the system calls, summed (CLOCK_MONOTONIC before and after each)
 * @param voluntarySwitches   the kernel put the thread to sleep this many times inside the calls
 *                            ({@code getrusage(RUSAGE_THREAD).ru_nvcsw}, difference)
 * @param involuntarySwitches the thread was preempted this many times inside the calls ({@code ru_nivcsw})
 * @param wallNanos           wall time of the whole entry on the actor thread, loop overhead included
 * @param cpuNanos            CPU time the thread used within {@code wallNanos} (CLOCK_THREAD_CPUTIME_ID), -1 when unreadable
 * @param waitNanos           time it was runnable but waiting for a CPU within {@code wallNanos} (schedstat's
 *                            run-queue delay), -1 when unreadable; both read inside the wall bracket, so
 *                            {@code cpuNanos + waitNanos ≤ wallNanos}
 * @param total               the bytes the entry's calls moved in all (send, recv, read, write and the
 *                            helpers; a loop's sum of what each call returned), -1 for calls that move none
 */
public record CallOutcome(long ret, int errno, long calls, long lastRet, int lastErrno, Stop stop,
                          long syscallNanos, long voluntarySwitches, long involuntarySwitches,
                          long wallNanos, long cpuNanos, long waitNanos, long total) {

    /** Why a call or a loop of calls ended. */
    public enum Stop {
        /** One system call returned. */
        RETURNED,
        /** A repeat's condition matched its last call. */
        CONDITION,
        /** The last call failed with EAGAIN and the loop stops there (fill: after every ACK was back). */
        EAGAIN,
        /** recv()/read() returned 0: the peer closed. */
        END_OF_STREAM,
        /** The last call failed with another errno. */
        ERROR,
        /** The loop made as many calls as it may. */
        LIMIT,
        /** The loop was stopped (Cancel, reset) after its current call. */
        CANCELLED
    }

    /** One system call that returned {@code ret}, measured by the call meter (tests, recorded traces). */
    public CallOutcome(long ret, int errno, long syscallNanos, boolean blocked) {
        this(ret, errno, 1, ret, errno, Stop.RETURNED, syscallNanos, blocked ? 1 : 0, 0, syscallNanos, -1, -1, -1);
    }

    /** True when the kernel put the thread to sleep inside the call (for a loop: inside any of its calls). */
    public boolean blocked() {
        return voluntarySwitches > 0;
    }

    /** True when the entry stands for a loop of calls. */
    public boolean loop() {
        return stop != Stop.RETURNED;
    }

    /** How long to show the call took: its time in the kernel, or a loop's wall time. */
    public long durationNanos() {
        return loop() ? wallNanos : syscallNanos;
    }

    /** True when the call returned -1. */
    public boolean failed() {
        return ret == -1;
    }

    /** The errno's C name, or empty. */
    public String errnoName() {
        return failed() ? Errno.name(errno) : "";
    }

    /** The return as strace would print it: {@code 100} or {@code -1 EAGAIN (Resource temporarily unavailable)}. */
    public String display() {
        return failed() ? "-1 " + Errno.nameWithAlias(errno) + " (" + Errno.message(errno) + ")" : Long.toString(ret);
    }

    /** The return as a call log shows it: {@link #display()}, and for a loop how it ended. */
    public String logText() {
        return loop() ? display() + " (" + stopText() + ")" : display();
    }

    /** How a loop ended, in words: {@code 3 calls, then EAGAIN}; empty for one call. */
    public String stopText() {
        if (!loop()) {
            return "";
        }
        String last = lastRet == -1 ? "-1 " + Errno.nameWithAlias(lastErrno) : Long.toString(lastRet);
        String why = switch (stop) {
            case RETURNED -> "";
            case CONDITION -> "its condition matched";
            case EAGAIN -> "EAGAIN";
            case END_OF_STREAM -> "end of stream (0)";
            case ERROR -> Errno.nameWithAlias(lastErrno);
            case LIMIT -> "the call limit";
            case CANCELLED -> "cancelled";
        };
        return String.format("%,d call%s%s, last returned %s, stopped: %s", calls, calls == 1 ? "" : "s",
                total >= 0 ? String.format(", %,d bytes in all", total) : "", last, why);
    }
}
