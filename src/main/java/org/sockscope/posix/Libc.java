package org.sockscope.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;

import static org.sockscope.posix.Native.C_INT;
import static org.sockscope.posix.Native.C_LONG;
import static org.sockscope.posix.Native.PTR;
import static org.sockscope.posix.Native.SIZE_T;

/**
 * libc through the Foreign Function &amp; Memory API: one method per system call, each returning
 * the raw result and the errno captured right after it. Nothing is retried, nothing is hidden:
 * a partial count or -1/EAGAIN comes back exactly as the kernel gave it. {@code send()} always
 * adds {@code MSG_NOSIGNAL} so a closed peer gives EPIPE instead of killing the app.
 */
public final class Libc {
    private Libc() {
    }

    static {
        LinuxAbi.requireSupported();
    }

    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int SOCKADDR_IN_SIZE = 16;

    private static final MethodHandle SOCKET = Native.errnoHandle("socket", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    private static final MethodHandle SETSOCKOPT = Native.errnoHandle("setsockopt", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, PTR, C_INT));
    private static final MethodHandle GETSOCKOPT = Native.errnoHandle("getsockopt", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, PTR, PTR));
    private static final MethodHandle BIND = Native.errnoHandle("bind", FunctionDescriptor.of(C_INT, C_INT, PTR, C_INT));
    private static final MethodHandle LISTEN = Native.errnoHandle("listen", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final MethodHandle GETSOCKNAME = Native.errnoHandle("getsockname", FunctionDescriptor.of(C_INT, C_INT, PTR, PTR));
    private static final MethodHandle GETPEERNAME = Native.errnoHandle("getpeername", FunctionDescriptor.of(C_INT, C_INT, PTR, PTR));
    private static final MethodHandle CLOSE = Native.errnoHandle("close", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle SHUTDOWN = Native.errnoHandle("shutdown", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final MethodHandle FCNTL_INT = Native.errnoHandle("fcntl", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL_PTR = Native.errnoHandle("ioctl", FunctionDescriptor.of(C_INT, C_INT, C_LONG, PTR),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SOCKETPAIR = Native.errnoHandle("socketpair", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, PTR));
    private static final MethodHandle PIPE = Native.errnoHandle("pipe", FunctionDescriptor.of(C_INT, PTR));
    private static final MethodHandle FSTAT = Native.errnoHandle("fstat", FunctionDescriptor.of(C_INT, C_INT, PTR));
    private static final MethodHandle SETPRIORITY = Native.errnoHandle("setpriority", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    // Calls that can sleep are made by the call meter (see CallMeter), through their libc addresses.
    private static final MemorySegment SEND_FN = Native.symbol("send");
    private static final MemorySegment RECV_FN = Native.symbol("recv");
    private static final MemorySegment SENDTO_FN = Native.symbol("sendto");
    private static final MemorySegment RECVFROM_FN = Native.symbol("recvfrom");
    private static final MemorySegment READ_FN = Native.symbol("read");
    private static final MemorySegment WRITE_FN = Native.symbol("write");
    private static final MemorySegment ACCEPT_FN = Native.symbol("accept");
    private static final MemorySegment CONNECT_FN = Native.symbol("connect");
    private static final MemorySegment POLL_FN = Native.symbol("poll");
    private static final MemorySegment SELECT_FN = Native.symbol("select");
    private static final MemorySegment USLEEP_FN = Native.symbol("usleep");
    private static final MethodHandle GETRUSAGE = Native.errnoHandle("getrusage", FunctionDescriptor.of(C_INT, C_INT, PTR));
    private static final MethodHandle GETTID = Native.plainHandle("gettid", FunctionDescriptor.of(C_INT));
    private static final MethodHandle GETPID = Native.plainHandle("getpid", FunctionDescriptor.of(C_INT));
    private static final MethodHandle CLOCK_GETTIME = Native.plainHandle("clock_gettime", FunctionDescriptor.of(C_INT, C_INT, PTR));

    // ---- sockets -------------------------------------------------------------------------

    /** {@code socket(domain, type, protocol)}. */
    public static SysResult socket(int domain, int type, int protocol) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) SOCKET.invokeExact(s.errno, domain, type, protocol)), s);
    }

    /** {@code setsockopt(fd, level, name, &value, sizeof(int))}. */
    public static SysResult setsockoptInt(int fd, int level, int name, int value) {
        Native.Scratch s = Native.scratch();
        s.int1.set(C_INT, 0, value);
        return result(call(() -> (int) SETSOCKOPT.invokeExact(s.errno, fd, level, name, s.int1, 4)), s);
    }

    /** {@code getsockopt(fd, level, name, &value, &len)} for an int option; the value on success. */
    public static SysResult getsockoptInt(int fd, int level, int name) {
        Native.Scratch s = Native.scratch();
        s.len.set(C_INT, 0, 4);
        int rc = call(() -> (int) GETSOCKOPT.invokeExact(s.errno, fd, level, name, s.int1, s.len));
        return rc == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(s.int1.get(C_INT, 0));
    }

    /** {@code getsockopt(fd, SOL_SOCKET, SO_COOKIE)}: the socket's kernel-wide 64-bit id on success. */
    public static SysResult socketCookie(int fd) {
        Native.Scratch s = Native.scratch();
        s.len.set(C_INT, 0, 8);
        int rc = call(() -> (int) GETSOCKOPT.invokeExact(s.errno, fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_COOKIE, s.timeval, s.len));
        return rc == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(s.timeval.get(C_LONG, 0));
    }

    /**
     * {@code getsockopt(fd, SOL_SOCKET, SO_MEMINFO)}: the kernel's {@code u32} memory figures of the
     * socket ({@link LinuxAbi#SK_MEMINFO_RMEM_ALLOC}, {@link LinuxAbi#SK_MEMINFO_DROPS}, …), or null
     * with the errno in {@code errno[0]}.
     */
    public static int[] memInfo(int fd, int[] errno) {
        Native.Scratch s = Native.scratch();
        s.len.set(C_INT, 0, 4 * LinuxAbi.SK_MEMINFO_VARS);
        int rc = call(() -> (int) GETSOCKOPT.invokeExact(s.errno, fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_MEMINFO, s.tcpInfo, s.len));
        if (rc == -1) {
            errno[0] = Native.errno(s.errno);
            return null;
        }
        int[] out = new int[LinuxAbi.SK_MEMINFO_VARS];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.tcpInfo.get(C_INT, 4L * i);
        }
        return out;
    }

    /** {@code setsockopt} with a {@code struct timeval} (SO_SNDTIMEO, SO_RCVTIMEO); 0 disables the timeout. */
    public static SysResult setsockoptTimeval(int fd, int name, long millis) {
        Native.Scratch s = Native.scratch();
        s.timeval.set(C_LONG, 0, millis / 1000);
        s.timeval.set(C_LONG, 8, (millis % 1000) * 1000);
        return result(call(() -> (int) SETSOCKOPT.invokeExact(s.errno, fd, LinuxAbi.SOL_SOCKET, name, s.timeval, 16)), s);
    }

    /** {@code getsockopt} of a {@code struct timeval} option, as milliseconds on success. */
    public static SysResult getsockoptTimeval(int fd, int name) {
        Native.Scratch s = Native.scratch();
        s.len.set(C_INT, 0, 16);
        int rc = call(() -> (int) GETSOCKOPT.invokeExact(s.errno, fd, LinuxAbi.SOL_SOCKET, name, s.timeval, s.len));
        if (rc == -1) {
            return new SysResult(-1, Native.errno(s.errno));
        }
        return SysResult.ok(s.timeval.get(C_LONG, 0) * 1000 + s.timeval.get(C_LONG, 8) / 1000);
    }

    /** {@code setsockopt(SO_LINGER)}: {@code onoff} and {@code seconds}. */
    public static SysResult setLinger(int fd, boolean onoff, int seconds) {
        Native.Scratch s = Native.scratch();
        s.timeval.set(C_INT, 0, onoff ? 1 : 0);
        s.timeval.set(C_INT, 4, seconds);
        return result(call(() -> (int) SETSOCKOPT.invokeExact(s.errno, fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_LINGER, s.timeval, 8)), s);
    }

    /** {@code getsockopt(IPPROTO_TCP, TCP_INFO)}: the fields of {@link TcpInfo}, or the errno. */
    public static TcpInfoResult tcpInfo(int fd) {
        Native.Scratch s = Native.scratch();
        s.len.set(C_INT, 0, TcpInfo.BUFFER_SIZE);
        int rc = call(() -> (int) GETSOCKOPT.invokeExact(s.errno, fd, LinuxAbi.IPPROTO_TCP, LinuxAbi.TCP_INFO, s.tcpInfo, s.len));
        if (rc == -1) {
            return new TcpInfoResult(null, Native.errno(s.errno));
        }
        if (s.len.get(C_INT, 0) < TcpInfo.MIN_LENGTH) {
            return new TcpInfoResult(null, Errno.ENOPROTOOPT);
        }
        MemorySegment t = s.tcpInfo;
        return new TcpInfoResult(new TcpInfo(
                Byte.toUnsignedInt(t.get(ValueLayout.JAVA_BYTE, TcpInfo.OFF_STATE)),
                t.get(C_INT, TcpInfo.OFF_UNACKED),
                t.get(C_INT, TcpInfo.OFF_SACKED),
                t.get(C_INT, TcpInfo.OFF_RTT),
                t.get(C_LONG, TcpInfo.OFF_BYTES_ACKED),
                t.get(C_LONG, TcpInfo.OFF_BYTES_RECEIVED),
                t.get(C_INT, TcpInfo.OFF_NOTSENT),
                t.get(C_INT, TcpInfo.OFF_SND_WND),
                t.get(C_INT, TcpInfo.OFF_RCV_WND)), 0);
    }

    /** The outcome of {@link #tcpInfo}: the info, or null with the errno. */
    public record TcpInfoResult(TcpInfo info, int errno) {
    }

    /**
     * {@code bind(fd, {AF_INET, addr, port})}. Only loopback addresses are accepted: SockScope never
     * binds anything else.
     */
    public static SysResult bind(int fd, SockAddr addr) {
        requireLoopback(addr);
        Native.Scratch s = Native.scratch();
        writeSockaddrIn(s.sockaddr, addr);
        return result(call(() -> (int) BIND.invokeExact(s.errno, fd, s.sockaddr, SOCKADDR_IN_SIZE)), s);
    }

    /** {@code listen(fd, backlog)}. */
    public static SysResult listen(int fd, int backlog) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) LISTEN.invokeExact(s.errno, fd, backlog)), s);
    }

    /** {@code accept(fd, NULL, NULL)}: the new descriptor. */
    public static SysResult accept(int fd) {
        return metered(ACCEPT_FN, true, fd, 0, 0, 0, 0, 0);
    }

    /** {@code connect(fd, {AF_INET, addr, port})}, loopback only. */
    public static SysResult connect(int fd, SockAddr addr) {
        requireLoopback(addr);
        Native.Scratch s = Native.scratch();
        writeSockaddrIn(s.sockaddr, addr);
        return metered(CONNECT_FN, true, fd, s.sockaddr.address(), SOCKADDR_IN_SIZE, 0, 0, 0);
    }

    /** {@code getsockname(fd)}; null when it failed or the socket is not AF_INET. */
    public static SockAddr getsockname(int fd) {
        return name(GETSOCKNAME, fd);
    }

    /** {@code getpeername(fd)}; null when it failed (not connected) or not AF_INET. */
    public static SockAddr getpeername(int fd) {
        return name(GETPEERNAME, fd);
    }

    /** What {@code getsockname()} returned, and the address it wrote (null when it failed or is not AF_INET). */
    public record Named(SysResult result, SockAddr address) {
    }

    /** {@code getsockname(fd)} as a lesson's call: its return value and errno as well as the address. */
    public static Named getsocknameCall(int fd) {
        return named(GETSOCKNAME, fd);
    }

    private static SockAddr name(MethodHandle h, int fd) {
        return named(h, fd).address();
    }

    private static Named named(MethodHandle h, int fd) {
        Native.Scratch s = Native.scratch();
        s.len.set(C_INT, 0, 128);
        int rc = call(() -> (int) h.invokeExact(s.errno, fd, s.sockaddr, s.len));
        SysResult r = result(rc, s);
        if (rc == -1 || Short.toUnsignedInt(s.sockaddr.get(ValueLayout.JAVA_SHORT, 0)) != LinuxAbi.AF_INET) {
            return new Named(r, null);
        }
        return new Named(r, inetAddress(s.sockaddr));
    }

    private static SockAddr inetAddress(MemorySegment sa) {
        int port = Short.toUnsignedInt(sa.get(NET_SHORT, 2));
        int a = sa.get(NET_INT, 4);
        String host = ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
        return new SockAddr(host, port);
    }

    /**
     * {@code send(fd, data + offset, length, flags | MSG_NOSIGNAL)}: the count the kernel copied,
     * or -1 with errno.
     */
    public static SysResult send(int fd, byte[] data, int offset, int length, int flags) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        int f = flags | LinuxAbi.MSG_NOSIGNAL;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, length));
            MemorySegment.copy(data, offset, buf, ValueLayout.JAVA_BYTE, 0, length);
            return metered(SEND_FN, false, fd, buf.address(), length, f, 0, 0);
        }
    }

    /** {@code recv(fd, into, length, flags)}: bytes copied into {@code into[0..]}, 0 at end of stream, or -1. */
    public static SysResult recv(int fd, byte[] into, int length, int flags) {
        java.util.Objects.checkFromIndexSize(0, length, into.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, length));
            SysResult r = metered(RECV_FN, false, fd, buf.address(), length, flags, 0, 0);
            copyOut(buf, into, r);
            return r;
        }
    }

    /**
     * {@code sendto(fd, data + offset, length, flags | MSG_NOSIGNAL, {AF_INET, addr, port}, 16)},
     * loopback only: the count the kernel took (a datagram's whole length), or -1 with errno.
     */
    public static SysResult sendto(int fd, byte[] data, int offset, int length, int flags, SockAddr to) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        requireLoopback(to);
        int f = flags | LinuxAbi.MSG_NOSIGNAL;
        Native.Scratch s = Native.scratch();
        writeSockaddrIn(s.sockaddr, to);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, length));
            MemorySegment.copy(data, offset, buf, ValueLayout.JAVA_BYTE, 0, length);
            return metered(SENDTO_FN, false, fd, buf.address(), length, f, s.sockaddr.address(), SOCKADDR_IN_SIZE);
        }
    }

    /** What {@code recvfrom()} returned and the sender's address it wrote (null when it failed or is not AF_INET). */
    public record Received(SysResult result, SockAddr from) {
    }

    /**
     * {@code recvfrom(fd, into, length, flags, &from, &fromlen)}: bytes copied into {@code into[0..]}
     * (with MSG_TRUNC, a datagram's real length, which may exceed {@code length}), or -1.
     */
    public static Received recvfrom(int fd, byte[] into, int length, int flags) {
        java.util.Objects.checkFromIndexSize(0, length, into.length);
        Native.Scratch s = Native.scratch();
        s.sockaddr.fill((byte) 0);
        s.len.set(C_INT, 0, 128);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, length));
            SysResult r = metered(RECVFROM_FN, false, fd, buf.address(), length, flags, s.sockaddr.address(), s.len.address());
            if (r.value() > 0) {
                MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, into, 0, (int) Math.min(r.value(), length));
            }
            boolean inet = !r.failed() && Short.toUnsignedInt(s.sockaddr.get(ValueLayout.JAVA_SHORT, 0)) == LinuxAbi.AF_INET;
            return new Received(r, inet ? inetAddress(s.sockaddr) : null);
        }
    }

    /** {@code read(fd, into, length)}. */
    public static SysResult read(int fd, byte[] into, int length) {
        java.util.Objects.checkFromIndexSize(0, length, into.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, length));
            SysResult r = metered(READ_FN, false, fd, buf.address(), length, 0, 0, 0);
            copyOut(buf, into, r);
            return r;
        }
    }

    /** {@code write(fd, data + offset, length)}. On a pipe whose reader is gone this gives EPIPE (SIGPIPE is ignored by the JVM). */
    public static SysResult write(int fd, byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, length));
            MemorySegment.copy(data, offset, buf, ValueLayout.JAVA_BYTE, 0, length);
            return metered(WRITE_FN, false, fd, buf.address(), length, 0, 0, 0);
        }
    }

    /** {@code close(fd)}. */
    public static SysResult close(int fd) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) CLOSE.invokeExact(s.errno, fd)), s);
    }

    /** {@code shutdown(fd, how)}. */
    public static SysResult shutdown(int fd, int how) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) SHUTDOWN.invokeExact(s.errno, fd, how)), s);
    }

    // ---- fcntl / ioctl --------------------------------------------------------------------

    /** {@code fcntl(fd, cmd, arg)} with an int argument (F_GETFL ignores it). */
    public static SysResult fcntl(int fd, int cmd, int arg) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) FCNTL_INT.invokeExact(s.errno, fd, cmd, arg)), s);
    }

    /** Sets or clears {@code O_NONBLOCK} with F_GETFL then F_SETFL, as the lecture's code does. */
    public static SysResult setNonBlocking(int fd, boolean on) {
        SysResult flags = fcntl(fd, LinuxAbi.F_GETFL, 0);
        if (flags.failed()) {
            return flags;
        }
        int f = flags.intValue();
        return fcntl(fd, LinuxAbi.F_SETFL, on ? f | LinuxAbi.O_NONBLOCK : f & ~LinuxAbi.O_NONBLOCK);
    }

    /** {@code ioctl(fd, request, &int)}: the int the kernel wrote, or -1 with errno. */
    public static SysResult ioctlInt(int fd, long request) {
        Native.Scratch s = Native.scratch();
        int rc = call(() -> (int) IOCTL_PTR.invokeExact(s.errno, fd, request, s.int1));
        return rc == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(s.int1.get(C_INT, 0));
    }

    /** {@code fstat(fd)}'s {@code st_ino}: the inode the descriptor refers to, or -1 with errno. */
    public static SysResult inode(int fd) {
        Native.Scratch s = Native.scratch();
        int rc = call(() -> (int) FSTAT.invokeExact(s.errno, fd, s.tcpInfo));
        // st_ino follows the 8-byte st_dev on x86_64 and on arm64 (asm-generic) alike
        return rc == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(s.tcpInfo.get(C_LONG, 8));
    }

    // ---- pipes, poll, select ---------------------------------------------------------------

    /** {@code pipe(fds)}: the read and write ends, or the errno. */
    public static PipeFds pipe() {
        Native.Scratch s = Native.scratch();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(C_INT, 2);
            int rc = call(() -> (int) PIPE.invokeExact(s.errno, fds));
            if (rc == -1) {
                return new PipeFds(-1, -1, Native.errno(s.errno));
            }
            return new PipeFds(fds.getAtIndex(C_INT, 0), fds.getAtIndex(C_INT, 1), 0);
        }
    }

    /** {@code socketpair(domain, type, protocol, sv)}: the two connected ends, or the errno. */
    public static SocketPair socketpair(int domain, int type, int protocol) {
        Native.Scratch s = Native.scratch();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sv = arena.allocate(C_INT, 2);
            int rc = call(() -> (int) SOCKETPAIR.invokeExact(s.errno, domain, type, protocol, sv));
            if (rc == -1) {
                return new SocketPair(-1, -1, Native.errno(s.errno));
            }
            return new SocketPair(sv.getAtIndex(C_INT, 0), sv.getAtIndex(C_INT, 1), 0);
        }
    }

    /** {@code sv[0]} and {@code sv[1]} of a socketpair, or errno when it failed. */
    public record SocketPair(int sv0, int sv1, int errno) {
    }

    /** The two ends of a pipe, or errno when pipe() failed. */
    public record PipeFds(int readFd, int writeFd, int errno) {
        /** True when pipe() failed. */
        public boolean failed() {
            return readFd < 0;
        }
    }

    /** {@code poll(fds, n, timeoutMillis)}: the count of ready entries; {@code fds} is updated with revents. */
    public static SysResult poll(PollFd[] fds, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment arr = arena.allocate(8L * Math.max(1, fds.length), 4);
            for (int i = 0; i < fds.length; i++) {
                arr.set(C_INT, i * 8L, fds[i].fd());
                arr.set(ValueLayout.JAVA_SHORT, i * 8L + 4, fds[i].events());
                arr.set(ValueLayout.JAVA_SHORT, i * 8L + 6, (short) 0);
            }
            long n = fds.length;
            SysResult r = metered(POLL_FN, true, arr.address(), n, timeoutMillis, 0, 0, 0);
            for (int i = 0; i < fds.length; i++) {
                fds[i] = new PollFd(fds[i].fd(), fds[i].events(), arr.get(ValueLayout.JAVA_SHORT, i * 8L + 6));
            }
            return r;
        }
    }

    /**
     * {@code select(nfds, read, write, except, timeout)}. Any set may be null. The sets are replaced
     * by what the kernel left in them (the ready descriptors). A negative timeout waits forever.
     */
    public static SysResult select(int nfds, FdSet read, FdSet write, FdSet except, long timeoutMicros) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = toNative(arena, read);
            MemorySegment w = toNative(arena, write);
            MemorySegment e = toNative(arena, except);
            MemorySegment tv = MemorySegment.NULL;
            if (timeoutMicros >= 0) {
                tv = arena.allocate(16, 8);
                tv.set(C_LONG, 0, timeoutMicros / 1_000_000);
                tv.set(C_LONG, 8, timeoutMicros % 1_000_000);
            }
            MemorySegment tvf = tv;
            SysResult res = metered(SELECT_FN, true, nfds, r.address(), w.address(), e.address(), tvf.address(), 0);
            fromNative(r, read);
            fromNative(w, write);
            fromNative(e, except);
            return res;
        }
    }

    private static MemorySegment toNative(Arena arena, FdSet set) {
        if (set == null) {
            return MemorySegment.NULL;
        }
        MemorySegment seg = arena.allocate(C_LONG, FdSet.WORDS);
        for (int i = 0; i < FdSet.WORDS; i++) {
            seg.setAtIndex(C_LONG, i, set.word(i));
        }
        return seg;
    }

    private static void fromNative(MemorySegment seg, FdSet set) {
        if (set != null) {
            for (int i = 0; i < FdSet.WORDS; i++) {
                set.word(i, seg.getAtIndex(C_LONG, i));
            }
        }
    }

    /** {@code usleep(micros)}: the calling thread sleeps in the kernel (clock_nanosleep). */
    public static SysResult usleep(long micros) {
        int us = (int) Math.min(Integer.MAX_VALUE, Math.max(0, micros));
        return metered(USLEEP_FN, true, us, 0, 0, 0, 0, 0);
    }

    // epoll(7): the event loop after select() and poll(). Its handles are here, with the calls, so
    // this block stands alone.
    private static final MethodHandle EPOLL_CREATE1 = Native.errnoHandle("epoll_create1", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle EPOLL_CTL = Native.errnoHandle("epoll_ctl", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, PTR));
    private static final MemorySegment EPOLL_WAIT_FN = Native.symbol("epoll_wait");

    /**
     * {@code struct epoll_event} is {@code {uint32_t events; uint64_t data}}: packed on x86_64
     * (12 bytes, data at 4), naturally aligned elsewhere (16 bytes, data at 8).
     */
    private static final boolean EPOLL_PACKED = LinuxAbi.currentArch().orElse(LinuxAbi.Arch.X86_64) == LinuxAbi.Arch.X86_64;
    private static final long EPOLL_EVENT_SIZE = EPOLL_PACKED ? 12 : 16;
    private static final long EPOLL_DATA_OFFSET = EPOLL_PACKED ? 4 : 8;

    /** {@code epoll_create1(flags)}: a new epoll instance's descriptor. */
    public static SysResult epollCreate1(int flags) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) EPOLL_CREATE1.invokeExact(s.errno, flags)), s);
    }

    /** {@code epoll_ctl(epfd, op, fd, &{events, .data.fd = fd})}. */
    public static SysResult epollCtl(int epfd, int op, int fd, int events) {
        Native.Scratch s = Native.scratch();
        MemorySegment ev = s.tcpInfo; // 16 bytes of scratch are enough
        ev.fill((byte) 0);
        ev.set(ValueLayout.JAVA_INT_UNALIGNED, 0, events);
        ev.set(ValueLayout.JAVA_LONG_UNALIGNED, EPOLL_DATA_OFFSET, fd);
        return result(call(() -> (int) EPOLL_CTL.invokeExact(s.errno, epfd, op, fd, ev)), s);
    }

    /** One ready entry of {@link #epollWait}: the descriptor (its {@code data}) and the events the kernel reported. */
    public record EpollEvent(int fd, int events) {
    }

    /**
     * {@code epoll_wait(epfd, events, maxEvents, timeoutMillis)} (-1: no timeout): the count of
     * ready entries; {@code ready} receives them.
     */
    public static SysResult epollWait(int epfd, int maxEvents, int timeoutMillis, java.util.List<EpollEvent> ready) {
        int max = Math.max(1, maxEvents);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment arr = arena.allocate(EPOLL_EVENT_SIZE * max, 8);
            SysResult r = metered(EPOLL_WAIT_FN, true, epfd, arr.address(), max, timeoutMillis, 0, 0);
            for (int i = 0; i < r.value(); i++) {
                long at = i * EPOLL_EVENT_SIZE;
                ready.add(new EpollEvent((int) arr.get(ValueLayout.JAVA_LONG_UNALIGNED, at + EPOLL_DATA_OFFSET),
                        arr.get(ValueLayout.JAVA_INT_UNALIGNED, at)));
            }
            return r;
        }
    }

    // ---- identity -------------------------------------------------------------------------

    /** {@code gettid()}: the kernel's id of the calling thread. */
    public static int gettid() {
        return call(() -> (int) GETTID.invokeExact());
    }

    /**
     * {@code setpriority(PRIO_PROCESS, tid, nice)}: on Linux this sets one thread's nice value.
     * Raising it (lower priority) needs no privilege.
     */
    public static SysResult setThreadNice(int tid, int nice) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) SETPRIORITY.invokeExact(s.errno, 0, tid, nice)), s);
    }

    /**
     * The calling thread's voluntary and involuntary context switches so far
     * ({@code getrusage(RUSAGE_THREAD)}: {@code ru_nvcsw}, {@code ru_nivcsw}), read by an ordinary
     * downcall. For measuring a call use {@link CallMeter}: between two such readings the JVM itself
     * may park the thread.
     */
    public static long[] threadSwitches() {
        Native.Scratch s = Native.scratch();
        int rc = call(() -> (int) GETRUSAGE.invokeExact(s.errno, 1 /* RUSAGE_THREAD */, s.tcpInfo));
        return rc == -1 ? new long[] {-1, -1} : new long[] {s.tcpInfo.get(C_LONG, 128), s.tcpInfo.get(C_LONG, 136)};
    }

    /**
     * CPU time the calling thread has used, in nanoseconds ({@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}:
     * exact at the moment of reading, unlike schedstat's figure, which lags until the scheduler
     * next updates it); -1 when unreadable.
     */
    public static long threadCpuNanos() {
        Native.Scratch s = Native.scratch();
        int rc = call(() -> (int) CLOCK_GETTIME.invokeExact(3 /* CLOCK_THREAD_CPUTIME_ID */, s.timeval));
        return rc != 0 ? -1 : s.timeval.get(C_LONG, 0) * 1_000_000_000L + s.timeval.get(C_LONG, 8);
    }

    /**
     * CPU time thread {@code tid} of this process has used ({@code clock_gettime} on its thread CPU
     * clock, {@code MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED)}: exact now, as for the calling
     * thread); -1 when unreadable (the thread has gone).
     */
    public static long threadCpuNanos(int tid) {
        Native.Scratch s = Native.scratch();
        int clock = (~tid << 3) | 6; // CPUCLOCK_PERTHREAD_MASK | CPUCLOCK_SCHED
        int rc = call(() -> (int) CLOCK_GETTIME.invokeExact(clock, s.timeval));
        return rc != 0 ? -1 : s.timeval.get(C_LONG, 0) * 1_000_000_000L + s.timeval.get(C_LONG, 8);
    }

    /** {@code getpid()}. */
    public static int getpid() {
        return call(() -> (int) GETPID.invokeExact());
    }

    // Descriptor limits and CPU affinity (the concurrency lab's budget and its one-CPU run): one
    // block, with its handles.
    private static final MethodHandle DUP = Native.errnoHandle("dup", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle GETRLIMIT = Native.errnoHandle("getrlimit", FunctionDescriptor.of(C_INT, C_INT, PTR));
    private static final MethodHandle SETRLIMIT = Native.errnoHandle("setrlimit", FunctionDescriptor.of(C_INT, C_INT, PTR));
    private static final MethodHandle SCHED_SETAFFINITY = Native.errnoHandle("sched_setaffinity",
            FunctionDescriptor.of(C_INT, C_INT, SIZE_T, PTR));
    private static final MethodHandle SCHED_GETAFFINITY = Native.errnoHandle("sched_getaffinity",
            FunctionDescriptor.of(C_INT, C_INT, SIZE_T, PTR));

    /** {@code RLIMIT_NOFILE}: one more than the highest descriptor number a process may open. */
    public static final int RLIMIT_NOFILE = 7;

    /** {@code dup(fd)}: a new descriptor, the lowest free number, for the same open file. */
    public static SysResult dup(int fd) {
        Native.Scratch s = Native.scratch();
        return result(call(() -> (int) DUP.invokeExact(s.errno, fd)), s);
    }

    /** A {@code struct rlimit}: the soft limit (in force) and the hard limit (the most the soft one may be raised to). */
    public record Rlimit(long soft, long hard) {
    }

    /** {@code getrlimit(resource)}; null when it failed. */
    public static Rlimit getrlimit(int resource) {
        Native.Scratch s = Native.scratch();
        int rc = call(() -> (int) GETRLIMIT.invokeExact(s.errno, resource, s.timeval));
        return rc == -1 ? null : new Rlimit(s.timeval.get(C_LONG, 0), s.timeval.get(C_LONG, 8));
    }

    /** {@code setrlimit(resource, {soft, hard})}. */
    public static SysResult setrlimit(int resource, long soft, long hard) {
        Native.Scratch s = Native.scratch();
        s.timeval.set(C_LONG, 0, soft);
        s.timeval.set(C_LONG, 8, hard);
        return result(call(() -> (int) SETRLIMIT.invokeExact(s.errno, resource, s.timeval)), s);
    }

    /** {@code sched_setaffinity(tid, sizeof(mask), mask)}: thread {@code tid} (0: the caller) may run only on the CPUs in {@code cpus}. */
    public static SysResult setAffinity(int tid, java.util.BitSet cpus) {
        Native.Scratch s = Native.scratch();
        MemorySegment mask = s.tcpInfo; // 512 bytes: a cpu_set_t of up to 4096 CPUs
        mask.fill((byte) 0);
        long[] words = cpus.toLongArray();
        for (int i = 0; i < words.length && i < 64; i++) {
            mask.setAtIndex(C_LONG, i, words[i]);
        }
        return result(call(() -> (int) SCHED_SETAFFINITY.invokeExact(s.errno, tid, 128L, mask)), s);
    }

    /** {@code sched_getaffinity(tid, …)}: the CPUs thread {@code tid} (0: the caller) may run on; null when it failed. */
    public static java.util.BitSet getAffinity(int tid) {
        Native.Scratch s = Native.scratch();
        MemorySegment mask = s.tcpInfo;
        mask.fill((byte) 0);
        int rc = call(() -> (int) SCHED_GETAFFINITY.invokeExact(s.errno, tid, 128L, mask));
        return rc == -1 ? null : java.util.BitSet.valueOf(mask.asSlice(0, 128).toArray(ValueLayout.JAVA_LONG));
    }

    // ---- plumbing -------------------------------------------------------------------------

    private static void requireLoopback(SockAddr addr) {
        if (!addr.host().startsWith("127.")) {
            throw new IllegalArgumentException("SockScope only uses loopback addresses (127.0.0.0/8), not " + addr.host());
        }
    }

    private static void writeSockaddrIn(MemorySegment sa, SockAddr addr) {
        String[] parts = addr.host().split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + addr.host());
        }
        int a = 0;
        for (String p : parts) {
            a = (a << 8) | (Integer.parseInt(p) & 0xff);
        }
        sa.fill((byte) 0);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) LinuxAbi.AF_INET);
        sa.set(NET_SHORT, 2, (short) addr.port());
        sa.set(NET_INT, 4, a);
    }

    private static void copyOut(MemorySegment buf, byte[] into, SysResult r) {
        if (r.value() > 0) {
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, into, 0, (int) r.value());
        }
    }

    /**
     * Makes {@code fn(a0..a5)} through the call meter and adds what the kernel counted to the
     * thread's {@link CallMeter}. {@code intRet}: the function returns int.
     */
    private static SysResult metered(MemorySegment fn, boolean intRet, long a0, long a1, long a2, long a3, long a4, long a5) {
        if (Native.METERED == null) {
            throw new IllegalStateException("live calls need the call meter: " + Native.meterProblem());
        }
        Native.Scratch s = Native.scratch();
        MemorySegment m = s.meterState;
        long ret = callLong(() -> (long) Native.METERED.invokeExact(fn, intRet ? 1 : 0, a0, a1, a2, a3, a4, a5, m));
        s.meter.add(m.get(C_LONG, 24) - m.get(C_LONG, 16), m.get(C_LONG, 40) - m.get(C_LONG, 32),
                m.get(C_LONG, 56) - m.get(C_LONG, 48), m.get(C_LONG, 72) - m.get(C_LONG, 64));
        return ret == -1 ? new SysResult(-1, (int) m.get(C_LONG, 8)) : SysResult.ok(ret);
    }

    private static SysResult result(long value, Native.Scratch s) {
        return value == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(value);
    }

    @FunctionalInterface
    interface IntCall {
        int invoke() throws Throwable;
    }

    @FunctionalInterface
    private interface LongCall {
        long invoke() throws Throwable;
    }

    static int call(IntCall c) {
        try {
            return c.invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed to link or run", t);
        }
    }

    private static long callLong(LongCall c) {
        try {
            return c.invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed to link or run", t);
        }
    }
}
