package org.sockscope.lab;

/** A descriptor the lab opened and watches. */
sealed interface Endpoint {
    int fd();

    String process();

    /** One end of a TCP connection, or a listening or unconnected socket ({@code peerFd} -1). */
    record Socket(int fd, String process, String label, int peerFd) implements Endpoint {
    }

    /** One end of a pipe; {@code otherFd} is the other end (-1 once it is closed). */
    record PipeEnd(int fd, String process, String label, boolean readEnd, int otherFd) implements Endpoint {
    }

    /** An epoll instance ({@code epoll_create1()}): no buffers to probe, but a descriptor of the table all the same. */
    record Epoll(int fd, String process) implements Endpoint {
    }
}
