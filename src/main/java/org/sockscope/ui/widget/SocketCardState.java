package org.sockscope.ui.widget;

/**
 * One socket as the lecture's card draws it.
 *
 * @param fd          the descriptor, -1 when the process has no socket (closed or not set up)
 * @param label       the lab's name for it ({@code client})
 * @param family      {@code AF_INET}
 * @param type        {@code SOCK_STREAM}
 * @param local       local address and port
 * @param remote      peer address and port, empty when not connected
 * @param tcpState    the kernel's TCP state ({@code ESTABLISHED})
 * @param nonBlocking O_NONBLOCK as the last successful fcntl() set it (derived from the call log)
 * @param send        the send buffer
 * @param receive     the receive buffer
 */
public record SocketCardState(int fd, String label, String family, String type, String local, String remote,
                              String tcpState, boolean nonBlocking,
                              BufferContent send, BufferContent receive) {

    /** No socket. */
    public static final SocketCardState NONE = new SocketCardState(-1, "", "", "", "", "", "", false,
            BufferContent.empty(BufferContent.Role.SEND), BufferContent.empty(BufferContent.Role.RECEIVE));

    /** True when there is a socket to show. */
    public boolean present() {
        return fd >= 0;
    }
}
