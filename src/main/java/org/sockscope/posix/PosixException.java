package org.sockscope.posix;

/** A system call that was expected to succeed failed; carries the call's name and errno. */
public final class PosixException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient String call;
    private final int errno;

    /** A failure of {@code call} with {@code errno}. */
    public PosixException(String call, int errno) {
        super(call + " failed: " + Errno.name(errno) + " (" + Errno.message(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The call that failed, as written in C. */
    public String call() {
        return call;
    }

    /** The errno it failed with. */
    public int errno() {
        return errno;
    }
}
