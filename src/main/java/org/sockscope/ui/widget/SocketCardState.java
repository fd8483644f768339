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
 * @param mode        blocking or O_NONBLOCK, and where that came from
 * @param send        the send buffer
 * @param receive     the receive buffer
 * @param listener    for a listening socket, its accept queue as the kernel reported it (TCP_INFO), else null
 */
public record SocketCardState(int fd, String label, String family, String type, String local, String remote,
                              String tcpState, Mode mode,
                              BufferContent send, BufferContent receive, AcceptQueue listener) {

    /** A socket that is not listening. */
    public SocketCardState(int fd, String label, String family, String type, String local, String remote,
                           String tcpState, Mode mode, BufferContent send, BufferContent receive) {
        this(fd, label, family, type, local, remote, tcpState, mode, send, receive, null);
    }

    /**
     * A listener's accept queue from {@code getsockopt(TCP_INFO)}: {@code tcpi_unacked} connections
     * wait for accept(), {@code tcpi_sacked} is the backlog; negative: {@code -errno}, unreadable.
     */
    public record AcceptQueue(int waiting, int backlog) {
        /** {@code accept queue 0 of backlog 16}. */
        public String text() {
            return "accept queue " + org.sockscope.kernel.Figure.text(waiting) + " of backlog "
                    + org.sockscope.kernel.Figure.text(backlog);
        }

        /** The figures of a listening socket, or null for any other. */
        public static AcceptQueue of(org.sockscope.kernel.SocketFigures f) {
            return f != null && f.listening() ? new AcceptQueue(f.unacked(), f.sacked()) : null;
        }
    }

    /**
     * O_NONBLOCK on or off. {@code fromKernel}: read with {@code fcntl(F_GETFL)} by the sampler;
     * otherwise derived from the last successful {@code fcntl(F_SETFL)} in the trace (a trace
     * recorded without the flags).
     */
    public record Mode(boolean nonBlocking, boolean fromKernel) {
        /** The kernel's flags when {@code figures} carry them, else the {@code derived} value. */
        public static Mode of(org.sockscope.kernel.SocketFigures figures, boolean derived) {
            return figures != null && figures.knowsFlags() ? new Mode(figures.nonBlocking(), true) : new Mode(derived, false);
        }
    }

    /** True when O_NONBLOCK is set. */
    public boolean nonBlocking() {
        return mode.nonBlocking();
    }

    /** No socket. */
    public static final SocketCardState NONE = new SocketCardState(-1, "", "", "", "", "", "", new Mode(false, false),
            BufferContent.empty(BufferContent.Role.SEND), BufferContent.empty(BufferContent.Role.RECEIVE));

    /** True when there is a socket to show. */
    public boolean present() {
        return fd >= 0;
    }
}
