package org.sockscope.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockscope.scenario.Constants.Family;

/**
 * The calls a scenario may make and the type of each argument. {@code fcntl}, {@code setsockopt}
 * and {@code select} have argument lists that depend on other arguments; {@link CallParser}
 * checks those by hand.
 */
final class CallSignatures {
    private CallSignatures() {
    }

    /** What an argument must be. */
    enum Kind {
        /** a descriptor name */ FD,
        /** the name of a listening socket */ LISTENER,
        /** a buffer name, optionally plus an offset */ BUF,
        /** a number: literals, constants of the family, bound numbers, + - * | */ NUM,
        /** one constant of the family, by name */ CONST,
        /** a process or thread declared {@code spawned_by} the caller */ PROCESS,
        /** a variable in the process's user-space memory: any C name */ VAR,
        /** a port: 0..65535, a bound number, or FREE_PORT */ PORT,
        /** socketpair()'s {@code int sv[2]}: a C name; the call binds {@code sv[0]} and {@code sv[1]} */ PAIR
    }

    /** One parameter: its C name, kind, constant family (may be null) and range for constant values. */
    record Param(String name, Kind kind, Family family, long min, long max) {
    }

    /** The largest length a call may ask for (64 MiB): keeps a typo from allocating gigabytes. */
    static final long MAX_LENGTH = 64L << 20;

    private static final Map<String, List<Param>> SIGNATURES = new LinkedHashMap<>();

    static {
        sig("socket", cnst("domain", Family.DOMAIN), cnst("type", Family.TYPE), num("protocol", Family.PROTOCOL, 0, 255));
        sig("socketpair", cnst("domain", Family.PAIR_DOMAIN), cnst("type", Family.TYPE), num("protocol", Family.PROTOCOL, 0, 255),
                new Param("sv", Kind.PAIR, null, 0, 0));
        sig("connect", fd("sockfd"), new Param("listener", Kind.LISTENER, null, 0, 0));
        sig("bind", fd("sockfd"), cnst("addr", Family.ADDRESS), port());
        sig("listen", fd("sockfd"), num("backlog", null, 0, 4096));
        sig("getsockname", fd("sockfd"));
        sig("accept", fd("sockfd"));
        sig("send", fd("sockfd"), buf(), num("len", null, 0, MAX_LENGTH), num("flags", Family.SEND_FLAGS, 0, Integer.MAX_VALUE));
        sig("recv", fd("sockfd"), buf(), num("len", null, 0, MAX_LENGTH), num("flags", Family.RECV_FLAGS, 0, Integer.MAX_VALUE));
        sig("sendto", fd("sockfd"), buf(), num("len", null, 0, MAX_LENGTH), num("flags", Family.SEND_FLAGS, 0, Integer.MAX_VALUE),
                cnst("addr", Family.ADDRESS), port());
        sig("recvfrom", fd("sockfd"), buf(), num("len", null, 0, MAX_LENGTH), num("flags", Family.RECV_FLAGS, 0, Integer.MAX_VALUE));
        sig("write", fd("fd"), buf(), num("count", null, 0, MAX_LENGTH));
        sig("read", fd("fd"), buf(), num("count", null, 0, MAX_LENGTH));
        sig("close", fd("fd"));
        sig("shutdown", fd("sockfd"), cnst("how", Family.SHUT_HOW));
        sig("fcntl", fd("fd"), cnst("cmd", Family.FCNTL_CMD), num("arg", null, 0, Integer.MAX_VALUE));
        sig("setsockopt", fd("sockfd"), cnst("level", Family.LEVEL), cnst("optname", Family.SOCKET_OPT),
                num("value", null, 0, Integer.MAX_VALUE));
        sig("select", new Param("readfds", Kind.FD, null, 0, 0), new Param("writefds", Kind.FD, null, 0, 0),
                num("timeout_ms", null, 0, 3_600_000));
        sig("sleep", num("seconds", null, 0, 10));
        sig("usleep", num("usec", null, 0, 10_000_000));
        sig("fill", fd("sockfd"));
        sig("drain", fd("sockfd"));
        sig("spawn", new Param("child", Kind.PROCESS, null, 0, 0));
        sig("set", new Param("variable", Kind.VAR, null, 0, 0), num("value", null, Long.MIN_VALUE, Long.MAX_VALUE));
        sig("get", new Param("variable", Kind.VAR, null, 0, 0));
    }

    private static void sig(String name, Param... params) {
        SIGNATURES.put(name, List.of(params));
    }

    private static Param fd(String name) {
        return new Param(name, Kind.FD, null, 0, 0);
    }

    static Param port() {
        return new Param("port", Kind.PORT, Family.PORT, 0, 65535);
    }

    private static Param buf() {
        return new Param("buf", Kind.BUF, null, 0, 0);
    }

    private static Param num(String name, Family family, long min, long max) {
        return new Param(name, Kind.NUM, family, min, max);
    }

    private static Param cnst(String name, Family family) {
        return new Param(name, Kind.CONST, family, 0, 0);
    }

    /** The allowed call names, in documentation order. */
    static List<String> names() {
        return List.copyOf(SIGNATURES.keySet());
    }

    /** True for a known call name. */
    static boolean isKnown(String name) {
        return SIGNATURES.containsKey(name);
    }

    /** The parameters of a known call (for fcntl and select, the longest form). */
    static List<Param> params(String name) {
        return SIGNATURES.get(name);
    }

    /** The call as a synopsis: {@code send(sockfd, buf, len, flags)}. */
    static String synopsis(String name) {
        return switch (name) {
            case "fcntl" -> "fcntl(fd, F_GETFL) or fcntl(fd, F_SETFL, flags)";
            case "connect" -> "connect(sockfd, listener) or connect(sockfd, INADDR_LOOPBACK, port)";
            case "select" -> "select({fd, …}) or select({readfds…}, {writefds…}, timeout_ms) or select(fd, fd, …)";
            default -> name + "(" + String.join(", ", SIGNATURES.get(name).stream().map(Param::name).toList()) + ")";
        };
    }

    /** True for calls whose third argument is a byte count (send, recv, read, write). */
    static boolean hasLength(String name) {
        return switch (name) {
            case "send", "recv", "read", "write", "sendto", "recvfrom" -> true;
            default -> false;
        };
    }

    /** True for calls whose result is a new descriptor (bound with {@code as:}). */
    static boolean returnsDescriptor(String name) {
        return name.equals("socket") || name.equals("accept");
    }

    /** The descriptor names a {@code socketpair(…, sv)} binds: {@code sv[0]}, {@code sv[1]}. */
    static List<String> pairEnds(String sv) {
        return List.of(sv + "[0]", sv + "[1]");
    }

    /** True for the calls that touch user-space memory only ({@code set}, {@code get}): no system call. */
    static boolean isMemory(String name) {
        return name.equals("set") || name.equals("get");
    }
}
