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
 * @param domain      {@code getsockopt(SO_DOMAIN)}: AF_INET, AF_UNIX, …
 * @param type        {@code getsockopt(SO_TYPE)}: SOCK_STREAM or SOCK_DGRAM
 * @param rmemAlloc   {@code getsockopt(SO_MEMINFO)[SK_MEMINFO_RMEM_ALLOC]}: memory the receive queue
 *                    is charged (each packet's truesize, overhead included), what the kernel compares
 *                    with {@code rcvbuf}
 * @param drops       {@code getsockopt(SO_MEMINFO)[SK_MEMINFO_DROPS]}: packets the kernel dropped
 *                    on arrival at this socket (a datagram that found the receive buffer full)
 */
public record SocketFigures(int fd, long cookie, int inq, int outq, int notSent, int sndbuf, int rcvbuf,
                            int tcpState, int sndWnd, int rcvWnd, int unacked, int sacked, int fileFlags,
                            int domain, int type, int rmemAlloc, int drops) {

    /**
     * True for a datagram socket (UDP, AF_UNIX SOCK_DGRAM): its receive queue holds whole messages,
     * {@link #inq()} is the size of the next one only, and a full buffer drops what arrives.
     */
    public boolean datagram() {
        return type == org.sockscope.posix.LinuxAbi.SOCK_DGRAM;
    }

    /** True for a TCP socket (AF_INET/AF_INET6 stream): it has a TCP state, windows and an accept queue. */
    public boolean tcp() {
        return type == org.sockscope.posix.LinuxAbi.SOCK_STREAM
                && (domain == org.sockscope.posix.LinuxAbi.AF_INET || domain == org.sockscope.posix.LinuxAbi.AF_INET6);
    }

    /** What kind of socket, as C names it: {@code TCP}, {@code UDP}, {@code AF_UNIX stream}, {@code AF_UNIX datagram}. */
    public String protocolName() {
        boolean unix = domain == org.sockscope.posix.LinuxAbi.AF_UNIX;
        if (domain < 0 || type < 0) {
            return Figure.text(domain < 0 ? domain : type);
        }
        return unix ? (datagram() ? "AF_UNIX datagram" : "AF_UNIX stream") : datagram() ? "UDP" : "TCP";
    }

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
        return tcp() && tcpState == org.sockscope.posix.LinuxAbi.TCP_LISTEN;
    }

    /** The TCP state's name, or {@code unreadable: …}. */
    public String tcpStateName() {
        return tcpState < 0 ? Figure.text(tcpState) : org.sockscope.posix.LinuxAbi.tcpStateName(tcpState);
    }
}
