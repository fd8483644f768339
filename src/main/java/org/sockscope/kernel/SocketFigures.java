package org.sockscope.kernel;

/**
 * One socket's figures as the kernel reported them at one moment. Every field is a kernel
 * reading; {@link #inFlight()} is the only derived figure and says so.
 *
 * @param fd          the descriptor probed
 * @param inq         {@code ioctl(SIOCINQ)}: bytes in the receive queue
 * @param outq        {@code ioctl(SIOCOUTQ)}: bytes in the send queue, sent-but-unacknowledged included
 * @param notSent     {@code ioctl(SIOCOUTQNSD)}: bytes in the send queue not yet sent
 * @param sndbuf      {@code getsockopt(SO_SNDBUF)}: the kernel's send buffer size
 * @param rcvbuf      {@code getsockopt(SO_RCVBUF)}: the kernel's receive buffer size
 * @param tcpState    {@code tcp_info.tcpi_state}, or 0 when not TCP
 * @param sndWnd      {@code tcp_info.tcpi_snd_wnd}: the peer's advertised window
 * @param rcvWnd      {@code tcp_info.tcpi_rcv_wnd}: the window this socket advertises
 * @param fileFlags   {@code fcntl(F_GETFL)}: the descriptor's status flags (O_NONBLOCK among them),
 *                    -1 when not read (figures recorded without them)
 */
public record SocketFigures(int fd, int inq, int outq, int notSent, int sndbuf, int rcvbuf,
                            int tcpState, int sndWnd, int rcvWnd, int fileFlags) {

    /** Figures without the status flags ({@link #fileFlags()} -1: unknown). */
    public SocketFigures(int fd, int inq, int outq, int notSent, int sndbuf, int rcvbuf, int tcpState, int sndWnd, int rcvWnd) {
        this(fd, inq, outq, notSent, sndbuf, rcvbuf, tcpState, sndWnd, rcvWnd, -1);
    }

    /** True when the kernel's status flags were read, so {@link #nonBlocking()} is a kernel figure. */
    public boolean knowsFlags() {
        return fileFlags >= 0;
    }

    /** O_NONBLOCK as {@code fcntl(F_GETFL)} reported it (false when the flags are unknown). */
    public boolean nonBlocking() {
        return knowsFlags() && (fileFlags & org.sockscope.posix.LinuxAbi.O_NONBLOCK) != 0;
    }

    /** Derived: OUTQ − NSD, bytes sent but not yet acknowledged. */
    public int inFlight() {
        return Math.max(0, outq - notSent);
    }

    /** The TCP state's name. */
    public String tcpStateName() {
        return tcpState == 0 ? "" : org.sockscope.posix.LinuxAbi.tcpStateName(tcpState);
    }
}
