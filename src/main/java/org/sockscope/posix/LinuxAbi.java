package org.sockscope.posix;

import java.util.Locale;
import java.util.Map;

/**
 * Constants of the Linux ABI on the two supported architectures. Socket, fcntl and ioctl values
 * are the same on x86_64 and aarch64 (asm-generic); system call numbers differ and are tabled per
 * architecture, so a thread's kernel state can name the call it sleeps in.
 */
public final class LinuxAbi {
    private LinuxAbi() {
    }

    /** The supported architectures. */
    public enum Arch { X86_64, AARCH64 }

    // socket(2)
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;

    // setsockopt(2) levels and options
    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_TYPE = 3;
    public static final int SO_ERROR = 4;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_LINGER = 13;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_SNDTIMEO = 21;
    /** A 64-bit id the kernel gives each socket, unique while the system runs (Linux ≥ 4.12). */
    public static final int SO_COOKIE = 57;
    public static final int SO_DOMAIN = 39;
    /** {@code u32 meminfo[SK_MEMINFO_VARS]}: the socket's memory accounting and its drop counter. */
    public static final int SO_MEMINFO = 55;
    /** Index in SO_MEMINFO: memory charged to the receive queue (skb truesize, overhead included). */
    public static final int SK_MEMINFO_RMEM_ALLOC = 0;
    /** Index in SO_MEMINFO: packets the socket dropped ({@code sk_drops}), e.g. a full UDP receive buffer. */
    public static final int SK_MEMINFO_DROPS = 8;
    /** Entries of SO_MEMINFO (SK_MEMINFO_VARS). */
    public static final int SK_MEMINFO_VARS = 9;
    public static final int TCP_NODELAY = 1;
    public static final int TCP_INFO = 11;

    // send(2)/recv(2) flags
    public static final int MSG_PEEK = 0x2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_WAITALL = 0x100;
    public static final int MSG_NOSIGNAL = 0x4000;

    // shutdown(2)
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    // fcntl(2)
    public static final int F_GETFL = 3;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int FD_CLOEXEC = 1;
    public static final int F_SETFL = 4;
    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_GETPIPE_SZ = 1032;
    public static final int O_ACCMODE = 03;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_NONBLOCK = 04000;

    // ioctl(2) requests
    public static final long FIONREAD = 0x541BL;
    /** Same request as {@link #FIONREAD}: bytes in the receive queue. */
    public static final long SIOCINQ = FIONREAD;
    /** Bytes in the send queue, including sent but unacknowledged ones. */
    public static final long SIOCOUTQ = 0x5411L;
    /** Bytes in the send queue not yet sent. */
    public static final long SIOCOUTQNSD = 0x894BL;

    // poll(2)
    public static final short POLLIN = 0x1;
    public static final short POLLPRI = 0x2;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;

    // epoll(7)
    public static final int EPOLL_CLOEXEC = 02000000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    public static final int EPOLLIN = 0x1;
    public static final int EPOLLOUT = 0x4;
    public static final int EPOLLERR = 0x8;
    public static final int EPOLLHUP = 0x10;
    public static final int EPOLLRDHUP = 0x2000;
    /** Wake only one of the epoll instances waiting on this descriptor (Linux ≥ 4.5): no thundering herd on a shared listener. */
    public static final int EPOLLEXCLUSIVE = 1 << 28;

    /** select(2)'s limit: descriptors must be below this. */
    public static final int FD_SETSIZE = 1024;

    // TCP states (include/net/tcp_states.h)
    public static final int TCP_LISTEN = 10;
    private static final String[] TCP_STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1",
        "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};

    /** A socket domain as C names it ({@code AF_INET}), or the number. */
    public static String domainName(int domain) {
        return switch (domain) {
            case AF_INET -> "AF_INET";
            case AF_INET6 -> "AF_INET6";
            case AF_UNIX -> "AF_UNIX";
            default -> Integer.toString(domain);
        };
    }

    /** A socket type as C names it ({@code SOCK_STREAM}), or the number. */
    public static String typeName(int type) {
        return switch (type) {
            case SOCK_STREAM -> "SOCK_STREAM";
            case SOCK_DGRAM -> "SOCK_DGRAM";
            default -> Integer.toString(type);
        };
    }

    /** The name of a kernel TCP state number ({@code 1 → "ESTABLISHED"}). */
    public static String tcpStateName(int state) {
        return state > 0 && state < TCP_STATES.length ? TCP_STATES[state] : "UNKNOWN(" + state + ")";
    }

    private static final Map<Integer, String> X86_64_SYSCALLS = Map.ofEntries(
            Map.entry(0, "read"), Map.entry(1, "write"), Map.entry(3, "close"), Map.entry(7, "poll"),
            Map.entry(23, "select"), Map.entry(35, "nanosleep"), Map.entry(41, "socket"),
            Map.entry(42, "connect"), Map.entry(43, "accept"), Map.entry(44, "sendto"),
            Map.entry(45, "recvfrom"), Map.entry(46, "sendmsg"), Map.entry(47, "recvmsg"),
            Map.entry(48, "shutdown"), Map.entry(49, "bind"), Map.entry(50, "listen"),
            Map.entry(72, "fcntl"), Map.entry(202, "futex"), Map.entry(230, "clock_nanosleep"),
            Map.entry(232, "epoll_wait"), Map.entry(270, "pselect6"), Map.entry(271, "ppoll"),
            Map.entry(281, "epoll_pwait"), Map.entry(288, "accept4"));

    private static final Map<Integer, String> AARCH64_SYSCALLS = Map.ofEntries(
            Map.entry(22, "epoll_pwait"), Map.entry(25, "fcntl"), Map.entry(57, "close"),
            Map.entry(63, "read"), Map.entry(64, "write"), Map.entry(72, "pselect6"), Map.entry(73, "ppoll"),
            Map.entry(98, "futex"), Map.entry(101, "nanosleep"), Map.entry(115, "clock_nanosleep"),
            Map.entry(198, "socket"), Map.entry(200, "bind"), Map.entry(201, "listen"),
            Map.entry(202, "accept"), Map.entry(203, "connect"), Map.entry(206, "sendto"),
            Map.entry(207, "recvfrom"), Map.entry(210, "shutdown"), Map.entry(211, "sendmsg"),
            Map.entry(212, "recvmsg"), Map.entry(242, "accept4"));

    /** The architecture this JVM runs on, or empty when it is not a supported one. */
    public static java.util.Optional<Arch> currentArch() {
        return arch(System.getProperty("os.arch", ""));
    }

    /** The supported architecture called {@code osArch} (a value of {@code os.arch}), or empty. */
    static java.util.Optional<Arch> arch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> java.util.Optional.of(Arch.X86_64);
            case "aarch64", "arm64" -> java.util.Optional.of(Arch.AARCH64);
            default -> java.util.Optional.empty();
        };
    }

    /** True on Linux x86_64 or aarch64: the platforms where live mode works. */
    public static boolean isSupported() {
        return isSupported(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** True when {@code osName}/{@code osArch} (values of {@code os.name}/{@code os.arch}) are Linux x86_64 or aarch64. */
    static boolean isSupported(String osName, String osArch) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && arch(osArch).isPresent();
    }

    /**
     * Throws {@link UnsupportedPlatformException} unless {@link #isSupported()}. Entry points ask
     * {@link LiveSupport#unavailableReason()} first; this is the engine's own guard.
     */
    public static void requireSupported() {
        if (!isSupported()) {
            throw new UnsupportedPlatformException(System.getProperty("os.name"), System.getProperty("os.arch"));
        }
    }

    /** The name of system call {@code nr} on {@code arch}, or {@code "syscall N"} when not tabled. */
    public static String syscallName(Arch arch, int nr) {
        Map<Integer, String> table = arch == Arch.X86_64 ? X86_64_SYSCALLS : AARCH64_SYSCALLS;
        String name = table.get(nr);
        return name != null ? name : "syscall " + nr;
    }
}
