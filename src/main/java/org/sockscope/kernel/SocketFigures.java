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
 */
public record SocketFigures(int fd, int inq, int outq, int notSent, int sndbuf, int rcvbuf,
                            int tcpState, int sndWnd, int rcvWnd) {

    /** Derived: OUTQ − NSD, bytes sent but not yet acknowledged. */
    public int inFlight() {
        return Math.max(0, outq - notSent);
    }

    /** The TCP state's name. */
    public String tcpStateName() {
        return tcpState == 0 ? "" : org.sockscope.posix.LinuxAbi.tcpStateName(tcpState);
    }
}
