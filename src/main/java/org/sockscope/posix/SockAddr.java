package org.sockscope.posix;

/** An IPv4 socket address as the kernel reported it ({@code 127.0.0.1:40312}). */
public record SockAddr(String host, int port) {

    /** The loopback address with the given port (0 asks the kernel to choose one). */
    public static SockAddr loopback(int port) {
        return new SockAddr("127.0.0.1", port);
    }

    /** The address in {@code host:port} text ({@link #toString()}), or null when the text is not one. */
    public static SockAddr parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return new SockAddr(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
