package org.sockscope.posix;

/** An IPv4 socket address as the kernel reported it ({@code 127.0.0.1:40312}). */
public record SockAddr(String host, int port) {

    /** The loopback address with the given port (0 asks the kernel to choose one). */
    public static SockAddr loopback(int port) {
        return new SockAddr("127.0.0.1", port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
