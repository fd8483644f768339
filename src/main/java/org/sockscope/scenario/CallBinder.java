package org.sockscope.scenario;

import org.sockscope.lab.Until;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;

import java.util.List;
import java.util.Map;

/**
 * Turns a scenario's call, written as C, into the lab's call on real descriptors, using the
 * descriptors and numbers bound so far. A name holds what a C variable holds: a descriptor name
 * its number, and a socket name also the address the socket had when the name was bound (what
 * {@code connect(sock, listener)} connects to, as C keeps a {@code struct sockaddr}).
 */
final class CallBinder {
    private final Map<String, Integer> fds;
    private final Map<String, Long> vars;
    private final Map<String, SockAddr> addresses;

    CallBinder(Map<String, Integer> fds, Map<String, Long> vars, Map<String, SockAddr> addresses) {
        this.fds = fds;
        this.vars = vars;
        this.addresses = addresses;
    }

    /** Thrown when a name the call uses is not bound yet (its step has not returned). */
    static final class Unbound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        Unbound(String name) {
            super("'" + name + "' has no value yet");
            this.name = name;
        }
    }

    /** The names the call needs that are not bound yet. */
    List<String> missing(Call call) {
        List<String> out = new java.util.ArrayList<>();
        for (String d : call.descriptors()) {
            if (!fds.containsKey(d)) {
                out.add(d);
            }
        }
        for (Arg a : call.args()) {
            IntExpr e = a instanceof Arg.Int i ? i.expr() : a instanceof Arg.Buffer b ? b.offset() : null;
            if (e != null) {
                try {
                    e.eval(vars);
                } catch (IntExpr.Unbound ex) {
                    out.add(ex.name);
                }
            }
        }
        return out;
    }

    /** The lab call for {@code call}; a {@code repeat} wraps it in a loop. */
    org.sockscope.lab.Call bind(Call call, java.util.Optional<Repeat> repeat) {
        org.sockscope.lab.Call c = bindOne(call);
        if (repeat.isEmpty()) {
            return c;
        }
        Repeat r = repeat.get();
        long requested = requested(call);
        Until until = r.until().map(p -> until(p, requested)).orElse(new Until.Never());
        return new org.sockscope.lab.Call.Repeat(c, until, r.max());
    }

    /** Why {@code p} cannot stop a loop, or null when it can. */
    static String notALoopCondition(OutcomePattern p) {
        try {
            until(p, 1);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A loop's stop condition as data: what one call returned (a loop of calls never "blocks"). */
    private static Until until(OutcomePattern p, long requested) {
        return switch (p) {
            case OutcomePattern.Returns(OutcomePattern.Amount a) -> switch (a.op()) {
                case EQ -> a.value() == -1 ? new Until.Fails(0) : new Until.Returns(a.value(), a.value());
                case GT -> new Until.Returns(a.value() + 1, Long.MAX_VALUE);
                case GE -> new Until.Returns(a.value(), Long.MAX_VALUE);
                case LT -> new Until.Returns(0, a.value() - 1);
                case LE -> new Until.Returns(0, a.value());
                case PARTIAL -> new Until.Returns(1, requested - 1);
                case ALL -> new Until.Returns(requested, requested);
            };
            case OutcomePattern.Fails f -> new Until.Fails(f.errno());
            case OutcomePattern.Not n -> new Until.Not(until(n.inner(), requested));
            case OutcomePattern.All all -> new Until.All(all.parts().stream().map(x -> until(x, requested)).toList());
            default -> throw new IllegalArgumentException("a loop stops on what one call returned ('returns …' or"
                    + " 'fails …'), not on '" + p + "'");
        };
    }

    /** The value of the call's length argument, 0 when it has none. */
    long requested(Call call) {
        IntExpr len = call.length();
        return len == null ? 0 : len.eval(vars);
    }

    private org.sockscope.lab.Call bindOne(Call call) {
        return switch (call.name()) {
            case "send" -> new org.sockscope.lab.Call.Send(fd(call, 0), num(call, 2), num(call, 3));
            case "recv" -> new org.sockscope.lab.Call.Recv(fd(call, 0), num(call, 2), num(call, 3));
            case "sendto" -> new org.sockscope.lab.Call.SendTo(fd(call, 0), num(call, 2), num(call, 3), port(call, 5));
            case "recvfrom" -> new org.sockscope.lab.Call.RecvFrom(fd(call, 0), num(call, 2), num(call, 3));
            case "socketpair" -> new org.sockscope.lab.Call.SocketPair(num(call, 0), num(call, 1), num(call, 2));
            case "write" -> new org.sockscope.lab.Call.Write(fd(call, 0), num(call, 2));
            case "read" -> new org.sockscope.lab.Call.Read(fd(call, 0), num(call, 2));
            case "close" -> new org.sockscope.lab.Call.Close(fd(call, 0));
            case "shutdown" -> new org.sockscope.lab.Call.Shutdown(fd(call, 0), num(call, 1));
            case "accept" -> new org.sockscope.lab.Call.Accept(fd(call, 0));
            case "fill" -> new org.sockscope.lab.Call.Fill(fd(call, 0));
            case "drain" -> new org.sockscope.lab.Call.Drain(fd(call, 0));
            case "socket" -> new org.sockscope.lab.Call.Socket(num(call, 0), num(call, 1), num(call, 2));
            case "connect" -> call.args().size() == 3 ? new org.sockscope.lab.Call.Connect(fd(call, 0), port(call, 2)) : connect(call);
            case "bind" -> new org.sockscope.lab.Call.Bind(fd(call, 0), port(call, 2));
            case "listen" -> new org.sockscope.lab.Call.Listen(fd(call, 0), num(call, 1));
            case "getsockname" -> new org.sockscope.lab.Call.GetSockName(fd(call, 0));
            case "fcntl" -> new org.sockscope.lab.Call.Fcntl(fd(call, 0), num(call, 1),
                    call.args().size() > 2 ? num(call, 2) : 0, resolvedText(call));
            case "setsockopt" -> setsockopt(call);
            case "select" -> select(call);
            case "sleep" -> new org.sockscope.lab.Call.Pause(call.number(0).eval(vars) * 1_000_000L);
            case "usleep" -> new org.sockscope.lab.Call.Pause(call.number(0).eval(vars));
            case "spawn" -> {
                Arg.Process child = (Arg.Process) call.args().getFirst();
                yield new org.sockscope.lab.Call.Spawn(child.name(), child.thread(), null);
            }
            case "set" -> new org.sockscope.lab.Call.Store(((Arg.Variable) call.args().getFirst()).name(), call.number(1).eval(vars));
            case "get" -> new org.sockscope.lab.Call.Load(((Arg.Variable) call.args().getFirst()).name());
            default -> throw new IllegalArgumentException("the runner cannot make " + call.name() + "()");
        };
    }

    private org.sockscope.lab.Call connect(Call call) {
        String target = call.fd(1);
        SockAddr addr = addresses.get(target);
        if (addr == null) {
            throw new IllegalStateException(target + " had no address when it was bound (a socket gets one from"
                    + " bind() or listen()), so there is nothing to connect to");
        }
        return new org.sockscope.lab.Call.Connect(fd(call, 0), addr.port());
    }

    /**
     * A port argument's value; {@code FREE_PORT} is one the kernel gave a socket bound to port 0
     * that was then closed, so nobody listens there (unless another program took it since).
     */
    private int port(Call call, int i) {
        long v = call.number(i).eval(vars);
        return v == Constants.FREE_PORT ? freePort() : Math.toIntExact(v);
    }

    private static int freePort() {
        org.sockscope.posix.SysResult s = org.sockscope.posix.Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0);
        if (s.failed()) {
            throw new IllegalStateException("no free port: socket() failed with " + org.sockscope.posix.Errno.name(s.errno()));
        }
        try {
            org.sockscope.posix.SysResult b = org.sockscope.posix.Libc.bind(s.intValue(), SockAddr.loopback(0));
            SockAddr a = b.failed() ? null : org.sockscope.posix.Libc.getsockname(s.intValue());
            if (a == null) {
                throw new IllegalStateException("no free port: bind(127.0.0.1:0) failed with " + org.sockscope.posix.Errno.name(b.errno()));
            }
            return a.port();
        } finally {
            org.sockscope.posix.Libc.close(s.intValue());
        }
    }

    private org.sockscope.lab.Call setsockopt(Call call) {
        int fd = fd(call, 0);
        int level = num(call, 1);
        int name = num(call, 2);
        int value = num(call, 3);
        if (level == LinuxAbi.SOL_SOCKET && (name == LinuxAbi.SO_SNDTIMEO || name == LinuxAbi.SO_RCVTIMEO)) {
            return new org.sockscope.lab.Call.SetTimeout(fd, name, value);
        }
        return new org.sockscope.lab.Call.SetSockOptInt(fd, level, name, value, resolvedText(call));
    }

    private org.sockscope.lab.Call select(Call call) {
        List<Integer> read = call.fdSet(0).names().stream().map(this::fd).toList();
        List<Integer> write = call.args().size() > 1 && call.args().get(1) instanceof Arg.FdSet w
                ? w.names().stream().map(this::fd).toList() : List.of();
        long timeoutMicros = call.args().size() > 2 && call.args().get(2) instanceof Arg.Int t ? t.expr().eval(vars) * 1000 : -1;
        return new org.sockscope.lab.Call.Select(read, write, timeoutMicros);
    }

    /** The call's text with each descriptor name followed by its number: {@code recv(conn.server=6, …)}. */
    String resolvedText(Call call) {
        String text = call.text();
        for (String d : call.descriptors()) {
            Integer fd = fds.get(d);
            if (fd != null) {
                // the whole name only: not s inside sv[0], not conn.client inside conn.client=5
                text = text.replaceFirst("(?<![\\w.\\[])" + java.util.regex.Pattern.quote(d) + "(?![\\w.\\[=])",
                        java.util.regex.Matcher.quoteReplacement(d + "=" + fd));
            }
        }
        return text;
    }

    private int fd(Call call, int i) {
        return fd(call.fd(i));
    }

    private int fd(String name) {
        Integer fd = fds.get(name);
        if (fd == null) {
            throw new Unbound(name);
        }
        return fd;
    }

    private int num(Call call, int i) {
        return Math.toIntExact(call.number(i).eval(vars));
    }
}
