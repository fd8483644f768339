package org.sockscope.posix;

/**
 * What one system call returned: the raw return value and the {@code errno} captured right after
 * it (meaningful only when the value is -1).
 */
public record SysResult(long value, int errno) {

    /** A successful result with no errno. */
    public static SysResult ok(long value) {
        return new SysResult(value, 0);
    }

    /** True when the call returned -1. */
    public boolean failed() {
        return value == -1;
    }

    /** The errno's C name when the call failed, else {@code ""}. */
    public String errnoName() {
        return failed() ? Errno.name(errno) : "";
    }

    /** The value as an int (descriptors, counts that fit). */
    public int intValue() {
        return Math.toIntExact(value);
    }

    /** Throws {@link PosixException} naming the call when it failed; returns this otherwise. */
    public SysResult orThrow(String call) {
        if (failed()) {
            throw new PosixException(call, errno);
        }
        return this;
    }

    @Override
    public String toString() {
        return failed() ? "-1 " + Errno.name(errno) + " (" + Errno.message(errno) + ")" : Long.toString(value);
    }
}
