package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;
import org.sockscope.posix.TcpInfo;

/**
 * Reads one socket's queues, buffer sizes, status flags and TCP state from the kernel: three
 * ioctls, two getsockopts, one fcntl and one TCP_INFO, a few microseconds in all, so it can run
 * every frame.
 */
public final class SocketProbe {
    private SocketProbe() {
    }

    /** The socket's figures now, or null when the descriptor is no longer a socket (closed). */
    public static SocketFigures probe(int fd) {
        SysResult inq = Libc.ioctlInt(fd, LinuxAbi.SIOCINQ);
        if (inq.failed()) {
            return null;
        }
        SysResult outq = Libc.ioctlInt(fd, LinuxAbi.SIOCOUTQ);
        SysResult nsd = Libc.ioctlInt(fd, LinuxAbi.SIOCOUTQNSD);
        SysResult snd = Libc.getsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF);
        SysResult rcv = Libc.getsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF);
        SysResult flags = Libc.fcntl(fd, LinuxAbi.F_GETFL, 0);
        TcpInfo info = Libc.tcpInfo(fd).info();
        return new SocketFigures(fd, inq.intValue(), orZero(outq), orZero(nsd), orZero(snd), orZero(rcv),
                info == null ? 0 : info.state(), info == null ? 0 : info.sndWnd(), info == null ? 0 : info.rcvWnd(),
                flags.failed() ? -1 : flags.intValue());
    }

    /** The kernel's TCP state of {@code fd} ({@code "LISTEN"}, {@code "ESTABLISHED"}), or empty when not TCP. */
    public static String tcpState(int fd) {
        TcpInfo info = Libc.tcpInfo(fd).info();
        return info == null ? "" : info.stateName();
    }

    private static int orZero(SysResult r) {
        return r.failed() ? 0 : r.intValue();
    }
}
