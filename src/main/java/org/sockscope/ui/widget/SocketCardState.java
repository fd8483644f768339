package org.sockscope.ui.widget;

/**
 * One socket as the lecture's card draws it.
 *
 * @param fd          the descriptor, -1 when the process has no socket (closed or not set up)
 * @param label       the lab's name for it ({@code client})
 * @param family      {@code AF_INET}, {@code AF_UNIX}
 * @param type        {@code SOCK_STREAM}, {@code SOCK_DGRAM}
 * @param familyFromKernel true when family and type are the kernel's (getsockopt SO_DOMAIN, SO_TYPE);
 *                    false when derived from the address's form (a recording without them)
 * @param local       local address and port
 * @param remote      peer address and port, empty when not connected
 * @param tcpState    the kernel's TCP state ({@code ESTABLISHED})
 * @param mode        blocking or O_NONBLOCK, and where that came from
 * @param send        the send buffer
 * @param receive     the receive buffer
 * @param listener    for a listening socket, its accept queue as the kernel reported it (TCP_INFO), else null
 * @param datagram    for a datagram socket, its queues as the kernel reported them, else null
 */
public record SocketCardState(int fd, String label, String family, String type, boolean familyFromKernel, String local,
                              String remote, String tcpState, Mode mode,
                              BufferContent send, BufferContent receive, AcceptQueue listener, DatagramQueues datagram) {

    /** A stream socket that is not listening, its family and type derived. */
    public SocketCardState(int fd, String label, String family, String type, String local, String remote,
                           String tcpState, Mode mode, BufferContent send, BufferContent receive) {
        this(fd, label, family, type, false, local, remote, tcpState, mode, send, receive, null, null);
    }

    /**
     * The card of socket {@code k} with figures {@code f} (null: none read yet): family and type as
     * the kernel reports them, else derived from the address's form; a listener's accept queue; a
     * datagram socket's queues.
     */
    public static SocketCardState of(String label, org.sockscope.kernel.Descriptor k, String tcpState,
                                     org.sockscope.kernel.SocketFigures f, Mode mode, BufferContent send, BufferContent receive) {
        boolean kernel = f != null && f.domain() >= 0 && f.type() >= 0;
        String family = kernel ? org.sockscope.posix.LinuxAbi.domainName(f.domain())
                : k.local().startsWith("[") ? "AF_INET6" : "AF_INET";
        String type = kernel ? org.sockscope.posix.LinuxAbi.typeName(f.type()) : "SOCK_STREAM";
        return new SocketCardState(k.fd(), label, family, type, kernel, k.local(), k.remote(), tcpState, mode, send, receive,
                AcceptQueue.of(f), DatagramQueues.of(f));
    }

    /**
     * A datagram socket's queues, as {@code SocketProbe} read them (negative: {@code -errno}): the
     * receive queue keeps whole messages, so its byte count is not one figure — the kernel reports
     * the next message's size (SIOCINQ), the memory the queue is charged (SO_MEMINFO, each
     * datagram's buffer overhead included: what it compares with SO_RCVBUF), and how many
     * datagrams it dropped for want of room.
     */
    public record DatagramQueues(int next, int memory, int rcvbuf, int drops, int sendQueue, int sndbuf) {
        /** {@code receive queue: dropped 17 · next datagram 1000 B · memory 6912 of 8192 B}. */
        public String receiveText() {
            return "receive queue: dropped " + org.sockscope.kernel.Figure.text(drops) + " · next datagram "
                    + org.sockscope.kernel.Figure.bytes(next) + " · memory " + org.sockscope.kernel.Figure.text(memory)
                    + " of " + org.sockscope.kernel.Figure.bytes(rcvbuf);
        }

        /** {@code send queue: 0 of 212992 B}. */
        public String sendText() {
            return "send queue: " + org.sockscope.kernel.Figure.text(sendQueue) + " of " + org.sockscope.kernel.Figure.bytes(sndbuf);
        }

        /** The queues of a datagram socket, or null for any other. */
        public static DatagramQueues of(org.sockscope.kernel.SocketFigures f) {
            return f != null && f.datagram() ? new DatagramQueues(f.inq(), f.rmemAlloc(), f.rcvbuf(), f.drops(), f.outq(), f.sndbuf())
                    : null;
        }
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
