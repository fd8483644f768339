package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;
import org.sockscope.posix.TcpInfo;

/**
 * Reads one socket's identity, queues, buffer sizes, status flags and TCP state from the kernel:
 * six getsockopts, three ioctls, one fcntl and one TCP_INFO, a few microseconds in all, so it can
 * run every frame. A figure the kernel refused is kept as {@code -errno} ({@link Figure}), never 0.
 */
public final class SocketProbe {
    private SocketProbe() {
    }

    /** The socket's figures now, or null when the descriptor is no longer a socket (closed). */
    public static SocketFigures probe(int fd) {
        SysResult cookie = Libc.socketCookie(fd);
        if (cookie.failed()) {
            return null;
        }
        Libc.TcpInfoResult tcp = Libc.tcpInfo(fd);
        TcpInfo info = tcp.info();
        int tcpFail = -tcp.errno();
        int[] memErrno = new int[1];
        int[] mem = Libc.memInfo(fd, memErrno);
        return new SocketFigures(fd, cookie.value(),
                Figure.of(Libc.ioctlInt(fd, LinuxAbi.SIOCINQ)),
                Figure.of(Libc.ioctlInt(fd, LinuxAbi.SIOCOUTQ)),
                Figure.of(Libc.ioctlInt(fd, LinuxAbi.SIOCOUTQNSD)),
                Figure.of(Libc.getsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF)),
                Figure.of(Libc.getsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF)),
                info == null ? tcpFail : info.state(), info == null ? tcpFail : info.sndWnd(),
                info == null ? tcpFail : info.rcvWnd(), info == null ? tcpFail : info.unacked(),
                info == null ? tcpFail : info.sacked(),
                Figure.of(Libc.fcntl(fd, LinuxAbi.F_GETFL, 0)),
                Figure.of(Libc.getsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_DOMAIN)),
                Figure.of(Libc.getsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_TYPE)),
                mem == null ? -memErrno[0] : mem[LinuxAbi.SK_MEMINFO_RMEM_ALLOC],
                mem == null ? -memErrno[0] : mem[LinuxAbi.SK_MEMINFO_DROPS]);
    }

    /** The kernel's TCP state of {@code fd} ({@code "LISTEN"}, {@code "ESTABLISHED"}), or empty when not TCP. */
    public static String tcpState(int fd) {
        TcpInfo info = Libc.tcpInfo(fd).info();
        return info == null ? "" : info.stateName();
    }
}
