package org.sockscope.trace;

import org.sockscope.posix.Errno;

/**
 * What the kernel answered.
 *
 * @param ret            the raw return value
 * @param errno          errno when {@code ret == -1}, else 0
 * @param durationNanos  wall time from entering the call to its return
 * @param blocked        true when the kernel reported the thread asleep inside this call
 */
public record CallOutcome(long ret, int errno, long durationNanos, boolean blocked) {

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
