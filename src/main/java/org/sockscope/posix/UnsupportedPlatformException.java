package org.sockscope.posix;

/** Live mode runs only on Linux x86_64/aarch64; elsewhere this says so and points to replay mode. */
public final class UnsupportedPlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For the given OS name and architecture. */
    public UnsupportedPlatformException(String os, String arch) {
        super("Live mode needs Linux on x86_64 or aarch64, but this is " + os + " on " + arch
                + ". Real sockets cannot be observed here; open a recorded trace in replay mode instead.");
    }
}
