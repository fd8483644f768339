package org.sockscope.kernel;

/**
 * One socket's figures as the kernel reported them at one moment. Every field is a kernel
 * reading; a negative one is {@code -errno} of the call that could not read it ({@link Figure}).
 * {@link #inFlight()} is the only derived figure and says so.
 *
 * @param fd          the descriptor probed
 * @param cookie      {@code getsockopt(SO_COOKIE)}: the socket's kernel-wide id, the key its figures
 *                    are filed under (the number {@code fd} may name another socket later)
 * @param inq         {@code ioctl(SIOCINQ)}: bytes in the receive queue
 * @param outq        {@code ioctl(SIOCOUTQ)}: bytes in the send queue, sent-but-unacknowledged included
 * @param notSent     {@code ioctl(SIOCOUTQNSD)}: bytes in the send queue not yet sent
 * @param sndbuf      {@code getsockopt(SO_SNDBUF)}: the kernel's send buffer size
 * @param rcvbuf      {@code getsockopt(SO_RCVBUF)}: the kernel's receive buffer size
 * @param tcpState    {@code tcp_info.tcpi_state}
 * @param sndWnd      {@code tcp_info.tcpi_snd_wnd}: the peer's advertised window
 * @param rcvWnd      {@code tcp_info.tcpi_rcv_wnd}: the window this socket advertises
 * @param unacked     {@code tcp_info.tcpi_unacked}; on a listener, connections waiting to be accepted
 * @param sacked      {@code tcp_info.tcpi_sacked}; on a listener, its backlog
 * @param fileFlags   {@code fcntl(F_GETFL)}: the descriptor's status flags (O_NONBLOCK among them)
 */
public record SocketFigures(int fd, long cookie, int inq, int outq, int notSent, int sndbuf, int rcvbuf,
                            int tcpState, int sndWnd, int rcvWnd, int unacked, int sacked, int fileFlags) {

    /** True when the kernel's status flags were read, so {@link #nonBlocking()} is a kernel figure. */
    public boolean knowsFlags() {
        return fileFlags >= 0;
    }

    /** O_NONBLOCK as {@code fcntl(F_GETFL)} reported it (false when the flags are unreadable). */
    public boolean nonBlocking() {
        return knowsFlags() && (fileFlags & org.sockscope.posix.LinuxAbi.O_NONBLOCK) != 0;
    }

    /** Derived: OUTQ − NSD, bytes sent but not yet acknowledged; the failed one's figure when either is unreadable. */
    public int inFlight() {
        return outq < 0 ? outq : notSent < 0 ? notSent : Math.max(0, outq - notSent);
    }

    /** True for a listening socket: it has an accept queue, and no data queues (SIOCINQ fails with EINVAL). */
    public boolean listening() {
        return tcpState == org.sockscope.posix.LinuxAbi.TCP_LISTEN;
    }

    /** The TCP state's name, or {@code unreadable: …}. */
    public String tcpStateName() {
        return tcpState < 0 ? Figure.text(tcpState) : org.sockscope.posix.LinuxAbi.tcpStateName(tcpState);
    }
}
