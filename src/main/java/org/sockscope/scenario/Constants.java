package org.sockscope.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sockscope.posix.LinuxAbi;

/**
 * The named constants a call may use, grouped by where C allows them: a {@code send()} flag is
 * not a {@code shutdown()} mode. Values come from {@link LinuxAbi}.
 */
final class Constants {
    private Constants() {
    }

    /** Where a constant may appear. */
    enum Family {
        DOMAIN, /** socketpair()'s domain */ PAIR_DOMAIN, TYPE, PROTOCOL, SEND_FLAGS, RECV_FLAGS, SHUT_HOW, FCNTL_CMD, FILE_FLAGS, LEVEL, SOCKET_OPT, TCP_OPT,
        /** the IPv4 address of bind() and connect(): loopback only */ ADDRESS,
        /** addresses C knows that SockScope never uses (refused with a reason) */ NOT_LOOPBACK,
        /** a port: SockScope's FREE_PORT besides numbers */ PORT
    }

    /** FREE_PORT's value: the runner asks the kernel for a port nobody listens on (see CallBinder). */
    static final long FREE_PORT = -1;

    private static final Map<Family, Map<String, Long>> BY_FAMILY = new LinkedHashMap<>();

    static {
        put(Family.DOMAIN, "AF_INET", LinuxAbi.AF_INET, "AF_INET6", LinuxAbi.AF_INET6);
        put(Family.PAIR_DOMAIN, "AF_UNIX", LinuxAbi.AF_UNIX);
        put(Family.TYPE, "SOCK_STREAM", LinuxAbi.SOCK_STREAM, "SOCK_DGRAM", LinuxAbi.SOCK_DGRAM);
        put(Family.PROTOCOL, "IPPROTO_TCP", LinuxAbi.IPPROTO_TCP, "IPPROTO_UDP", LinuxAbi.IPPROTO_UDP);
        put(Family.SEND_FLAGS, "MSG_DONTWAIT", LinuxAbi.MSG_DONTWAIT, "MSG_NOSIGNAL", LinuxAbi.MSG_NOSIGNAL);
        put(Family.RECV_FLAGS, "MSG_DONTWAIT", LinuxAbi.MSG_DONTWAIT, "MSG_PEEK", LinuxAbi.MSG_PEEK,
                "MSG_WAITALL", LinuxAbi.MSG_WAITALL, "MSG_TRUNC", LinuxAbi.MSG_TRUNC);
        put(Family.SHUT_HOW, "SHUT_RD", LinuxAbi.SHUT_RD, "SHUT_WR", LinuxAbi.SHUT_WR, "SHUT_RDWR", LinuxAbi.SHUT_RDWR);
        put(Family.FCNTL_CMD, "F_GETFL", LinuxAbi.F_GETFL, "F_SETFL", LinuxAbi.F_SETFL,
                "F_GETPIPE_SZ", LinuxAbi.F_GETPIPE_SZ, "F_SETPIPE_SZ", LinuxAbi.F_SETPIPE_SZ);
        put(Family.FILE_FLAGS, "O_NONBLOCK", LinuxAbi.O_NONBLOCK);
        put(Family.LEVEL, "SOL_SOCKET", LinuxAbi.SOL_SOCKET, "IPPROTO_TCP", LinuxAbi.IPPROTO_TCP);
        put(Family.SOCKET_OPT, "SO_SNDBUF", LinuxAbi.SO_SNDBUF, "SO_RCVBUF", LinuxAbi.SO_RCVBUF,
                "SO_SNDTIMEO", LinuxAbi.SO_SNDTIMEO, "SO_RCVTIMEO", LinuxAbi.SO_RCVTIMEO,
                "SO_REUSEADDR", LinuxAbi.SO_REUSEADDR);
        put(Family.TCP_OPT, "TCP_NODELAY", LinuxAbi.TCP_NODELAY);
        put(Family.ADDRESS, "INADDR_LOOPBACK", 0x7f000001);
        put(Family.NOT_LOOPBACK, "INADDR_ANY", 0, "INADDR_BROADCAST", 0xffffffffL);
        put(Family.PORT, "FREE_PORT", FREE_PORT);
    }

    private static void put(Family family, Object... nameValue) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).longValue());
        }
        BY_FAMILY.put(family, m);
    }

    /** The value of {@code name} when it belongs to {@code family}. */
    static Optional<Long> value(Family family, String name) {
        return Optional.ofNullable(BY_FAMILY.get(family).get(name));
    }

    /** True when {@code name} is a constant of any family. */
    static boolean isKnown(String name) {
        return BY_FAMILY.values().stream().anyMatch(m -> m.containsKey(name));
    }

    /** The names allowed in {@code family}, comma separated. */
    static String allowed(Family family) {
        return String.join(", ", names(family));
    }

    /** The names allowed in {@code family}, in documentation order. */
    static java.util.List<String> names(Family family) {
        return java.util.List.copyOf(BY_FAMILY.get(family).keySet());
    }

    /** Every known constant name (for suggestions). */
    static java.util.List<String> allNames() {
        return BY_FAMILY.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
    }
}
