package org.sockscope.lab;

/**
 * Options for one side of a connection, as the program would set them with setsockopt.
 *
 * @param sndbuf  SO_SNDBUF to request, 0 to leave it to the kernel's autotuning
 * @param rcvbuf  SO_RCVBUF to request, 0 to leave it to autotuning
 * @param nodelay TCP_NODELAY (Nagle off)
 */
public record SocketOptions(int sndbuf, int rcvbuf, boolean nodelay) {

    /** The kernel's defaults. */
    public static final SocketOptions DEFAULTS = new SocketOptions(0, 0, false);

    public SocketOptions {
        if (sndbuf < 0 || rcvbuf < 0) {
            throw new IllegalArgumentException("buffer sizes must be 0 (kernel default) or positive, not "
                    + sndbuf + "/" + rcvbuf);
        }
    }

    /** Both buffers requested at {@code size}. */
    public static SocketOptions buffers(int size) {
        return new SocketOptions(size, size, false);
    }
}
