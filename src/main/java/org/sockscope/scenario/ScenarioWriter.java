package org.sockscope.scenario;

import org.sockscope.lab.Call;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Errno;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes what was done on one connection (the playground's) as a scenario file in the format of
 * docs/scenario-format.md: the processes, the connection and its options as set-up, each call as
 * C writes it, in the order it was made, and what the kernel answered as {@code expect:}. Only
 * settled outcomes become expectations: a call still asleep in the kernel is expected to block and
 * nothing more; one still running (not yet seen asleep) gets no expectation and a comment says so.
 *
 * <p>A count that follows from the calls alone (all that was asked, or every byte the peer's
 * complete sends wrote and this side has not read yet) is written exactly; one that depends on the
 * kernel's buffer accounting (a send that copied part) is written {@code partial}, with the count
 * seen in a comment, as the format advises. Every string is double-quoted with YAML's escapes.
 */
public final class ScenarioWriter {
    /** The connection's name in the file: its ends are {@code conn.client} and {@code conn.server}. */
    public static final String CONNECTION = "conn";

    private ScenarioWriter() {
    }

    /**
     * What was done.
     *
     * @param processes true when the two ends were held by two processes, false for two threads of one
     * @param names     the process (thread) holding each end: {@code P1} the client, {@code P2} the server
     * @param client    the client end's options, as requested
     * @param server    the server end's options
     * @param calls     every call, in the order it was made
     */
    public record Session(boolean processes, Map<Side, String> names, SocketOptions client, SocketOptions server,
                          List<Entry> calls) {
        public Session {
            names = Map.copyOf(names);
            calls = List.copyOf(calls);
        }
    }

    /** Where a call stood when the file was written. */
    public enum State {
        /** It returned: {@code outcome} holds what the kernel answered. */
        RETURNED,
        /** It had not returned, and the kernel had reported its thread asleep in it. */
        ASLEEP,
        /** It had not returned and was not (yet) seen asleep. */
        RUNNING,
        /** Not the end's own call: another thread of its process shut the socket down to wake the blocked call (Cancel). */
        CANCEL
    }

    /**
     * One call made on one end's socket.
     *
     * @param side    whose socket (and whose process or thread made it)
     * @param call    the call, as the lab ran it (its descriptor is that end's)
     * @param state   where it stood
     * @param outcome what it returned when {@code state} is RETURNED, else null
     */
    public record Entry(Side side, Call call, State state, CallOutcome outcome) {
        public Entry {
            Objects.requireNonNull(side);
            Objects.requireNonNull(call);
            if ((state == State.RETURNED) != (outcome != null)) {
                throw new IllegalArgumentException("an outcome exactly when the call returned, not " + state + "/" + outcome);
            }
        }
    }

    /** Thrown when there is nothing a scenario could be made of; the message says what to do. */
    public static final class NothingToWrite extends IllegalStateException {
        public NothingToWrite(String message) {
            super(message);
        }
    }

    /** The scenario as YAML text. */
    public static String write(Session s) {
        if (s.calls().isEmpty()) {
            throw new NothingToWrite("Nothing to save yet: make at least one call (send, recv, fcntl, shutdown or close)"
                    + " since the connection was made — a scenario needs at least one step.");
        }
        StringBuilder y = new StringBuilder();
        y.append("# Saved by SockScope from the playground: each call as it was made, in order, and what the kernel\n")
                .append("# answered then, as expectations. Check them again: sockscope run THIS_FILE --check\n")
                .append("# Counts that depend on the kernel's buffer accounting are written 'partial' (the count seen\n")
                .append("# is in a comment); edit the narration ('say') and title to make it a lesson.\n");
        y.append("title: ").append(q("Recorded in the playground")).append('\n');
        y.append("slide: ").append(q("Playground")).append('\n');
        y.append("about: ").append(q(name(s, Side.CLIENT) + " (client) and " + name(s, Side.SERVER) + " (server), "
                + (s.processes() ? "two processes" : "two threads of one process") + ", one TCP connection over 127.0.0.1; "
                + s.calls().size() + " call" + (s.calls().size() == 1 ? "" : "s") + " made in the SockScope playground."))
                .append('\n');
        setup(y, s);
        y.append("steps:\n");
        Ledger ledger = new Ledger();
        for (Entry e : s.calls()) {
            step(y, s, e, ledger);
        }
        return y.toString();
    }

    private static void setup(StringBuilder y, Session s) {
        String p1 = name(s, Side.CLIENT);
        String p2 = name(s, Side.SERVER);
        String table = s.processes() ? null : p1; // two threads: of the client's process
        y.append("setup:\n  processes:\n");
        y.append("    - ").append(p1).append('\n');
        y.append(table == null ? "    - " + p2 + "\n" : "    - {name: " + p2 + ", thread_of: " + table + "}\n");
        for (Side side : Side.values()) {
            if (s.calls().stream().anyMatch(e -> e.side() == side && e.state() == State.CANCEL)) {
                String of = table == null ? name(s, side) : table;
                y.append("    - {name: ").append(canceller(s, side)).append(", thread_of: ").append(of)
                        .append("}   # the thread that cancels ").append(name(s, side)).append("'s blocked call\n");
            }
        }
        SocketOptions c = s.client();
        SocketOptions v = s.server();
        y.append("  tcp:\n    - name: ").append(CONNECTION).append("\n      client: ").append(p1)
                .append("\n      server: ").append(p2).append('\n');
        List<String> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        option(y, actions, notes, "sndbuf", "SO_SNDBUF", c.sndbuf(), v.sndbuf());
        option(y, actions, notes, "rcvbuf", "SO_RCVBUF", c.rcvbuf(), v.rcvbuf());
        if (c.rcvbuf() != v.rcvbuf()) {
            notes.add("the playground set SO_RCVBUF before connect()/listen(); a set-up action sets it once connected"
                    + " (the same buffer, though the window scale was chosen from the kernel's default)");
        }
        if (c.nodelay() && v.nodelay()) {
            y.append("      nodelay: true\n");
        } else if (c.nodelay() || v.nodelay()) {
            actions.add("setsockopt(" + end(c.nodelay() ? Side.CLIENT : Side.SERVER) + ", IPPROTO_TCP, TCP_NODELAY, 1)");
        }
        if (!actions.isEmpty()) {
            y.append("  actions:   # the two ends' options differed\n");
            for (String n : notes) {
                y.append("    # ").append(n).append('\n');
            }
            for (String a : actions) {
                y.append("    - ").append(q(a)).append('\n');
            }
        }
    }

    /** One buffer size: in the connection when both ends asked for the same, else a set-up action for each end that asked. */
    private static void option(StringBuilder y, List<String> actions, List<String> notes, String key, String name,
                               int client, int server) {
        if (client == server) {
            if (client > 0) {
                y.append("      ").append(key).append(": ").append(client).append('\n');
            }
            return;
        }
        for (Side side : Side.values()) {
            int value = side == Side.CLIENT ? client : server;
            if (value > 0) {
                actions.add("setsockopt(" + end(side) + ", SOL_SOCKET, " + name + ", " + value + ")");
            } else {
                notes.add(end(side) + ": " + name + " left to the kernel's autotuning");
            }
        }
    }

    private static void step(StringBuilder y, Session s, Entry e, Ledger ledger) {
        String who = e.state() == State.CANCEL ? canceller(s, e.side()) : name(s, e.side());
        y.append("  - process: ").append(who).append('\n');
        y.append("    call: ").append(q(callText(e))).append('\n');
        y.append("    say: ").append(q(say(s, e))).append('\n');
        String comment = "";
        List<String> expect = new ArrayList<>();
        switch (e.state()) {
            case CANCEL -> comment = "what the kernel answered this shutdown() was not recorded: nothing is expected";
            case RUNNING -> comment = "still running when saved, not yet seen asleep: nothing is expected";
            case ASLEEP -> {
                expect.add("blocks: true");
                comment = "still asleep in the kernel when saved: only that it blocks is expected";
            }
            case RETURNED -> comment = expectations(e, expect, ledger);
        }
        ledger.record(e);
        if (!expect.isEmpty()) {
            y.append("    expect: {").append(String.join(", ", expect)).append('}')
                    .append(comment.isEmpty() ? "" : "   # " + comment).append('\n');
        } else {
            y.append("    # ").append(comment).append('\n');
        }
    }

    /** Adds what the returned call {@code e} is expected to do; returns a comment for the line (or empty). */
    private static String expectations(Entry e, List<String> expect, Ledger ledger) {
        CallOutcome o = e.outcome();
        String comment = "";
        if (o.failed()) {
            expect.add("fails: " + Errno.name(o.errno()));
        } else if (e.call().spec().movesBytes() && o.ret() > 0 && o.ret() != e.call().spec().length()
                && !ledger.followsFromTheCalls(e)) {
            expect.add("returns: partial");
            comment = String.format("returned %d of %d here", o.ret(), e.call().spec().length());
        } else {
            expect.add("returns: " + o.ret());
        }
        if (e.call().spec().metered()) {
            expect.add("blocks: " + o.blocked());
        }
        return comment;
    }

    /** The call as a scenario writes it: the end's name where the lab had its number. */
    static String callText(Entry e) {
        String fd = end(e.side());
        if (e.state() == State.CANCEL) {
            return "shutdown(" + fd + ", SHUT_RDWR)";
        }
        return switch (e.call()) {
            case Call.Send c -> "send(" + fd + ", s_buf, " + c.length() + ", " + flags(c.flags()) + ")";
            case Call.Recv c -> "recv(" + fd + ", r_buf, " + c.length() + ", " + flags(c.flags()) + ")";
            // On a socket F_SETFL's only other flags are O_APPEND, O_ASYNC, O_DIRECT, O_NOATIME, which the
            // playground never sets, so these are what "flags | O_NONBLOCK" and "flags & ~O_NONBLOCK" set.
            case Call.SetNonBlocking c -> "fcntl(" + fd + ", F_SETFL, " + (c.on() ? "O_NONBLOCK" : "0") + ")";
            case Call.Shutdown c -> "shutdown(" + fd + ", " + switch (c.how()) {
                case LinuxAbi.SHUT_RD -> "SHUT_RD";
                case LinuxAbi.SHUT_WR -> "SHUT_WR";
                default -> "SHUT_RDWR";
            } + ")";
            case Call.Close c -> "close(" + fd + ")";
            default -> throw new IllegalArgumentException("the playground makes no " + e.call().spec().name()
                    + "() call a scenario file could hold: " + e.call().spec().text());
        };
    }

    private static String flags(int flags) {
        List<String> names = new ArrayList<>();
        int rest = flags;
        for (var f : List.of(Map.entry(LinuxAbi.MSG_DONTWAIT, "MSG_DONTWAIT"), Map.entry(LinuxAbi.MSG_PEEK, "MSG_PEEK"),
                Map.entry(LinuxAbi.MSG_WAITALL, "MSG_WAITALL"), Map.entry(LinuxAbi.MSG_NOSIGNAL, "MSG_NOSIGNAL"))) {
            if ((rest & f.getKey()) != 0) {
                names.add(f.getValue());
                rest &= ~f.getKey();
            }
        }
        if (rest != 0) {
            throw new IllegalArgumentException("flags 0x" + Integer.toHexString(rest) + " have no name a scenario file allows");
        }
        return names.isEmpty() ? "0" : String.join(" | ", names);
    }

    /** The narration: who made the call, and what the kernel answered here. */
    private static String say(Session s, Entry e) {
        String who = name(s, e.side());
        if (e.state() == State.CANCEL) {
            return "Cancel: another thread of " + who + "'s process shuts the socket down, the only way to wake "
                    + who + "'s blocked call from outside.";
        }
        String what = who + " calls " + e.call().spec().name() + "()" + asks(e.call()) + ".";
        return switch (e.state()) {
            case ASLEEP -> what + " The kernel put it to sleep; it had not returned when this was saved.";
            case RUNNING -> what + " It had not returned when this was saved.";
            default -> {
                CallOutcome o = e.outcome();
                String ret = o.failed() ? "-1 " + Errno.nameWithAlias(o.errno()) + " (" + Errno.message(o.errno()) + ")"
                        : Long.toString(o.ret());
                long asked = e.call().spec().length();
                String of = e.call().spec().movesBytes() && !o.failed() ? " of " + asked + " asked" : "";
                String when = !e.call().spec().metered() ? "" : o.blocked() ? ", after sleeping in the kernel" : ", at once";
                yield what + " Here it returned " + ret + of + when + ".";
            }
        };
    }

    /** What the call asks for, in words: {@code  for 20000 bytes, with MSG_DONTWAIT}. */
    private static String asks(Call call) {
        return switch (call) {
            case Call.Send c -> " for " + c.length() + " bytes" + (c.flags() == 0 ? "" : ", with " + flags(c.flags()));
            case Call.Recv c -> " for up to " + c.length() + " bytes" + (c.flags() == 0 ? "" : ", with " + flags(c.flags()));
            case Call.SetNonBlocking c -> " to turn O_NONBLOCK " + (c.on() ? "on" : "off");
            case Call.Shutdown c -> c.how() == LinuxAbi.SHUT_RD ? " to stop reading" : c.how() == LinuxAbi.SHUT_WR
                    ? " to stop writing (the peer reads end of stream)" : " to stop reading and writing";
            default -> "";
        };
    }

    private static String name(Session s, Side side) {
        return Objects.requireNonNull(s.names().get(side), side + " has no process name");
    }

    private static String canceller(Session s, Side side) {
        return name(s, side) + "_cancel";
    }

    private static String end(Side side) {
        return CONNECTION + "." + side.key();
    }

    /**
     * A YAML double-quoted scalar: always valid whatever the text holds (a leading {@code >}, a
     * {@code #}, a colon, quotes, control characters).
     */
    static String q(String text) {
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0xfeff || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /**
     * The bytes each end's complete sends wrote and the other end has read so far: a recv() that
     * returned exactly what is left returned a count that follows from the calls, not from the kernel's
     * accounting. Once an end's send copied part (or had not returned), its count is the kernel's.
     */
    private static final class Ledger {
        private final Map<Side, Long> unread = new EnumMap<>(Map.of(Side.CLIENT, 0L, Side.SERVER, 0L));
        private final Map<Side, Boolean> known = new EnumMap<>(Map.of(Side.CLIENT, true, Side.SERVER, true));

        /** True when {@code e}, a returned recv, returned every byte the peer has sent and this end not read. */
        boolean followsFromTheCalls(Entry e) {
            Side peer = e.side() == Side.CLIENT ? Side.SERVER : Side.CLIENT;
            return e.call() instanceof Call.Recv && known.get(peer) && e.outcome().ret() == unread.get(peer);
        }

        void record(Entry e) {
            Side peer = e.side() == Side.CLIENT ? Side.SERVER : Side.CLIENT;
            if (e.call() instanceof Call.Send send && e.state() != State.CANCEL) {
                boolean whole = e.state() == State.RETURNED && e.outcome().ret() == send.length();
                known.put(e.side(), known.get(e.side()) && whole);
                if (whole) {
                    unread.merge(e.side(), (long) send.length(), Long::sum);
                }
            } else if (e.call() instanceof Call.Recv && e.state() == State.RETURNED && e.outcome().ret() > 0) {
                unread.merge(peer, -e.outcome().ret(), Long::sum);
            } else if (e.call() instanceof Call.Recv && e.state() != State.CANCEL) {
                known.put(peer, known.get(peer) && e.state() == State.RETURNED);
            }
        }
    }
}
