package org.sockscope.posix;

/** Live mode runs only on Linux x86_64/aarch64; elsewhere this says so (the same line as {@link LiveSupport}). */
public final class UnsupportedPlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For the given OS name and architecture. */
    public UnsupportedPlatformException(String os, String arch) {
        super(LiveSupport.platformMessage(String.valueOf(os), String.valueOf(arch)));
    }
}
