package org.sockscope.trace;

import org.sockscope.posix.Errno;

/**
 * What the kernel answered.
 *
 * @param ret            the raw return value
 * @param errno          errno when {@code ret == -1}, else 0
 * @param durationNanos  wall time from entering the call to its return
 * @param blocked        true when the kernel reported the thread asleep inside this call
 * @param calls          how many system calls this entry stands for: 1, or more for a loop
 *                       ({@code fill}, a busy-polling repeat), whose last call's result it shows
 */
public record CallOutcome(long ret, int errno, long durationNanos, boolean blocked, long calls) {

    /** One system call's outcome. */
    public CallOutcome(long ret, int errno, long durationNanos, boolean blocked) {
        this(ret, errno, durationNanos, blocked, 1);
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
}
