package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;
import org.sockscope.scenario.CallSignatures.Kind;
import org.sockscope.scenario.CallSignatures.Param;
import org.sockscope.scenario.CallSyntax.Bin;
import org.sockscope.scenario.CallSyntax.Name;
import org.sockscope.scenario.CallSyntax.Neg;
import org.sockscope.scenario.CallSyntax.Node;
import org.sockscope.scenario.CallSyntax.Num;
import org.sockscope.scenario.CallSyntax.Parsed;
import org.sockscope.scenario.Constants.Family;

/**
 * Turns a call's text into a typed {@link Call}: checks the call is known, the number and type of
 * its arguments, that descriptor and number names are defined at this point, that constants
 * exist and belong where they are used, that constant numbers are in range, and that every
 * descriptor belongs to the calling process's table.
 */
final class CallParser {
    private final Names names;
    private final String table; // the calling process's descriptor table, or null to skip the check
    private final String process;
    private String callName = "";

    private CallParser(Names names, String process) {
        this.names = names;
        this.process = process;
        this.table = process == null ? null : names.tableOf(process);
    }

    /**
     * Parses {@code text} with the names defined so far, for a call made by {@code process}
     * (null: do not check descriptor ownership).
     */
    static Call parse(String text, Names names, String process) throws InlineError {
        return new CallParser(names, process).call(text);
    }

    private Call call(String text) throws InlineError {
        Parsed p = CallSyntax.parse(text);
        callName = p.name().name();
        if (!CallSignatures.isKnown(callName)) {
            throw new InlineError(p.name().at(), "unknown call '" + callName + "'",
                    Suggest.hint(callName, CallSignatures.names(), "allowed"));
        }
        List<Arg> args = switch (callName) {
            case "select" -> select(p);
            case "fcntl" -> fcntl(p);
            case "setsockopt" -> setsockopt(p);
            case "connect" -> connect(p);
            default -> fixed(p, CallSignatures.params(callName));
        };
        String shown = text.strip();
        if (shown.endsWith(";")) {
            shown = shown.substring(0, shown.length() - 1).strip();
        }
        return new Call(callName, args, shown);
    }

    private List<Arg> fixed(Parsed p, List<Param> params) throws InlineError {
        arity(p, params.size(), params.size());
        return each(params.size(), i -> convert(p.args().get(i), params.get(i), i));
    }

    private interface ArgReader<T> {
        T read(int i) throws InlineError;
    }

    /** Reads arguments 0..n-1 each on its own, so a wrong argument does not hide a wrong one after it. */
    private static <T> List<T> each(int n, ArgReader<T> reader) throws InlineError {
        List<T> out = new ArrayList<>();
        List<InlineError> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                out.add(reader.read(i));
            } catch (InlineError e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw InlineError.all(errors);
        }
        return out;
    }

    private void arity(Parsed p, int min, int max) throws InlineError {
        int n = p.args().size();
        if (n >= min && n <= max) {
            return;
        }
        String count = min == max ? String.valueOf(min) : min + " to " + max;
        throw new InlineError(n < min ? p.closeAt() : p.args().get(max).at(),
                callName + "() takes " + count + " argument" + (max == 1 ? "" : "s") + ", got " + n,
                "write " + CallSignatures.synopsis(callName));
    }

    private Arg convert(Node node, Param param, int i) throws InlineError {
        return switch (param.kind()) {
            case FD -> new Arg.Fd(descriptor(node, param, i, false));
            case LISTENER -> new Arg.Fd(descriptor(node, param, i, true));
            case BUF -> buffer(node, param, i);
            case NUM -> new Arg.Int(ranged(node, param, i));
            case CONST -> new Arg.Int(constant(node, param, i));
            case PROCESS -> {
                String child = spawned(node, param, i);
                yield new Arg.Process(child, !child.equals(names.tableOf(child)));
            }
            case VAR, PAIR -> new Arg.Variable(variable(node, param, i));
            case PORT -> new Arg.Int(node instanceof Name n && n.name().equals("FREE_PORT")
                    ? new IntExpr.Constant("FREE_PORT", Constants.FREE_PORT) : ranged(node, param, i));
        };
    }

    /** {@code connect(sockfd, listener)}, or {@code connect(sockfd, INADDR_LOOPBACK, port)}. */
    private List<Arg> connect(Parsed p) throws InlineError {
        arity(p, 2, 3);
        if (p.args().size() == 2) {
            return fixed(p, CallSignatures.params("connect"));
        }
        return each(3, i -> convert(p.args().get(i), List.of(new Param("sockfd", Kind.FD, null, 0, 0),
                new Param("addr", Kind.CONST, Family.ADDRESS, 0, 0), CallSignatures.port()).get(i), i));
    }

    /** spawn()'s argument: a process or thread declared {@code spawned_by} the calling one. */
    private String spawned(Node node, Param param, int i) throws InlineError {
        List<String> mine = names.spawnedBy(process);
        String hint = mine.isEmpty() ? "declare it in setup.processes, e.g. {name: child, spawned_by: "
                + (process == null ? "parent" : process) + "}" : "spawned by " + process + ": " + String.join(", ", mine);
        if (!(node instanceof Name n) || !names.isProcess(n.name())) {
            throw new InlineError(node.at(), where(param, i) + " must be a declared process or thread", hint);
        }
        // A child whose spawned_by is wrong is reported there; its spawn() is not blamed too.
        if (process != null && !mine.contains(n.name()) && !names.spawner(n.name()).orElse("-").equals(Names.UNKNOWN_TABLE)) {
            throw new InlineError(n.at(), "'" + n.name() + "' is not declared spawned_by " + process, hint);
        }
        return n.name();
    }

    /** set()'s and get()'s variable: a C name that is not a descriptor, a constant or a bound number. */
    private String variable(Node node, Param param, int i) throws InlineError {
        if (!(node instanceof Name n) || n.name().contains(".") || n.name().equals("NULL") || Constants.isKnown(n.name())
                || names.get(n.name()).isPresent()) {
            throw new InlineError(node.at(), where(param, i) + " must be a variable's name, not a descriptor,"
                    + " a constant or a step's result", "use a C variable name such as x or count");
        }
        return n.name();
    }

    private String where(Param param, int i) {
        return callName + "()'s argument " + (i + 1) + " (" + param.name() + ")";
    }

    private String descriptor(Node node, Param param, int i, boolean listener) throws InlineError {
        List<String> mine = names.descriptors(listener ? null : table);
        if (!(node instanceof Name n) || n.name().equals("NULL")) {
            throw new InlineError(node.at(), where(param, i) + " must be a descriptor name",
                    mine.isEmpty() ? "no descriptors are defined here" : "defined here: " + String.join(", ", mine));
        }
        Names.Symbol s = names.get(n.name()).orElseThrow(() -> new InlineError(n.at(),
                "undefined descriptor '" + n.name() + "'", Suggest.hint(n.name(), mine, "descriptors defined here")));
        if (s.kind() == Names.Kind.NUMBER) {
            throw new InlineError(n.at(), "'" + n.name() + "' is a number bound by an earlier step, not a descriptor",
                    "defined descriptors: " + String.join(", ", mine));
        }
        if (listener) {
            if (s.kind() != Names.Kind.LISTENER) {
                throw new InlineError(n.at(), "'" + n.name() + "' is not a listening socket",
                        "connect() names a listener from setup.listeners; for a socket a step made listen, write"
                                + " connect(sockfd, INADDR_LOOPBACK, port) with the port from getsockname()");
            }
            return s.name(); // connect() names the listener's address, which any process may use
        }
        // A null table means the set-up line that made this name is wrong and already reported.
        if (table != null && !s.in(table)) {
            throw new InlineError(n.at(), "'" + n.name() + "' belongs to process '" + s.table()
                    + "', but this call runs in '" + process + "'",
                    "descriptors of '" + process + "': " + (mine.isEmpty() ? "none" : String.join(", ", mine)));
        }
        return s.name();
    }

    private Arg.Buffer buffer(Node node, Param param, int i) throws InlineError {
        if (node instanceof Bin b && b.op() == '+') {
            Arg.Buffer base = buffer(b.left(), param, i);
            IntExpr more = number(b.right(), null);
            IntExpr offset = base.offset() instanceof IntExpr.Literal l && l.value() == 0
                    ? more : new IntExpr.Binary('+', base.offset(), more);
            return new Arg.Buffer(base.name(), offset);
        }
        String hint = "name the application buffer, optionally plus an offset: buf, data + 60";
        if (!(node instanceof Name n)) {
            throw new InlineError(node.at(), where(param, i) + " must be a buffer", hint);
        }
        if (names.get(n.name()).isPresent() || Constants.isKnown(n.name()) || n.name().equals("NULL")
                || n.name().contains(".")) {
            throw new InlineError(n.at(), "'" + n.name() + "' is not a buffer name", hint);
        }
        return new Arg.Buffer(n.name(), new IntExpr.Literal(0));
    }

    /** A number argument whose constant value (if it has one) must be in the parameter's range. */
    private IntExpr ranged(Node node, Param param, int i) throws InlineError {
        IntExpr e = number(node, param.family());
        if (e.isConstant()) {
            long v;
            try {
                v = e.eval(java.util.Map.of());
            } catch (ArithmeticException overflow) {
                throw new InlineError(start(node), where(param, i) + " overflows", "use a value in " + param.min() + ".." + param.max());
            }
            if (v < param.min() || v > param.max()) {
                throw new InlineError(start(node), where(param, i) + " is " + v + ", outside " + param.min()
                        + ".." + param.max(), "use a value in that range");
            }
        }
        return e;
    }

    /** Where an expression begins: its leftmost operand (a binary node's offset is its operator). */
    private static int start(Node node) {
        return node instanceof Bin b ? Math.min(b.at(), start(b.left())) : node.at();
    }

    private IntExpr number(Node node, Family family) throws InlineError {
        return switch (node) {
            case Num n -> new IntExpr.Literal(n.value());
            case Neg n -> new IntExpr.Negate(number(n.operand(), family));
            case Bin b -> new IntExpr.Binary(b.op(), number(b.left(), family), number(b.right(), family));
            case CallSyntax.Set s -> throw new InlineError(s.at(), "a descriptor set {…} is only allowed in select()",
                    "write a number here");
            case Name n -> numberName(n, family);
        };
    }

    private IntExpr numberName(Name n, Family family) throws InlineError {
        String name = n.name();
        if (family != null) {
            var value = Constants.value(family, name);
            if (value.isPresent()) {
                return new IntExpr.Constant(name, value.get());
            }
        }
        var symbol = names.get(name);
        if (symbol.isPresent()) {
            if (symbol.get().kind() == Names.Kind.NUMBER) {
                return new IntExpr.Variable(name);
            }
            throw new InlineError(n.at(), "'" + name + "' is a descriptor, not a number", "write a number here");
        }
        if (Constants.isKnown(name)) {
            throw new InlineError(n.at(), name + " is not allowed in " + callName + "() here", allowedHere(family));
        }
        // Upper case reads as a constant; so does a constant's name in the wrong case (msg_dontwait).
        String close = closestConstant(name, family);
        if (name.equals(name.toUpperCase(java.util.Locale.ROOT)) || name.equalsIgnoreCase(close)) {
            throw unknownConstant(n, family);
        }
        List<String> numbers = names.numbers();
        throw new InlineError(n.at(), "undefined name '" + name + "'",
                numbers.isEmpty() ? "bind a step's result with 'as: " + name + "' first, or write a number"
                        : Suggest.hint(name, numbers, "numbers bound by earlier steps"));
    }

    private static InlineError unknownConstant(Name n, Family family) {
        String close = closestConstant(n.name(), family);
        return new InlineError(n.at(), "unknown constant '" + n.name() + "'",
                (close != null ? "did you mean '" + close + "'? " : "") + allowedHere(family));
    }

    /** The constant {@code name} was meant to be: one allowed here first, else any known one. */
    private static String closestConstant(String name, Family family) {
        String here = family == null ? null : Suggest.closest(name, Constants.names(family));
        return here != null ? here : Suggest.closest(name, Constants.allNames());
    }

    private static String allowedHere(Family family) {
        return family == null ? "no constants are allowed here" : "allowed here: " + Constants.allowed(family);
    }

    private IntExpr.Constant constant(Node node, Param param, int i) throws InlineError {
        if (node instanceof Name n && Constants.value(Family.NOT_LOOPBACK, n.name()).isPresent()) {
            throw new InlineError(n.at(), n.name() + " is not a loopback address: SockScope binds and connects on"
                    + " 127.0.0.1 only", "write INADDR_LOOPBACK");
        }
        if (node instanceof Name n && Constants.value(param.family(), n.name()).isPresent()) {
            return (IntExpr.Constant) numberName(n, param.family());
        }
        if (node instanceof Name n && !Constants.isKnown(n.name()) && names.get(n.name()).isEmpty()) {
            throw unknownConstant(n, param.family());
        }
        boolean unix = node instanceof Name n && Constants.value(Family.PAIR_DOMAIN, n.name()).isPresent();
        throw new InlineError(node.at(), where(param, i) + " must be one of " + Constants.allowed(param.family()),
                unix ? "SockScope makes AF_UNIX sockets in pairs: socketpair(AF_UNIX, SOCK_STREAM, 0, sv)" : "write the constant's name");
    }

    private List<Arg> fcntl(Parsed p) throws InlineError {
        List<Param> params = CallSignatures.params("fcntl");
        arity(p, 2, 3);
        String fd = descriptor(p.args().get(0), params.get(0), 0, false);
        IntExpr.Constant cmd = constant(p.args().get(1), params.get(1), 1);
        List<Arg> args = new ArrayList<>(List.of(new Arg.Fd(fd), new Arg.Int(cmd)));
        switch (cmd.name()) {
            case "F_GETFL", "F_GETPIPE_SZ" -> arity(p, 2, 2);
            case "F_SETFL" -> {
                arity(p, 3, 3);
                args.add(new Arg.Int(ranged(p.args().get(2),
                        new Param("flags", Kind.NUM, Family.FILE_FLAGS, 0, Integer.MAX_VALUE), 2)));
            }
            default -> { // F_SETPIPE_SZ: the kernel rounds up to pages; 1 MiB is the unprivileged limit
                arity(p, 3, 3);
                args.add(new Arg.Int(ranged(p.args().get(2), new Param("size", Kind.NUM, null, 4096, 1 << 20), 2)));
            }
        }
        return args;
    }

    private List<Arg> setsockopt(Parsed p) throws InlineError {
        List<Param> params = CallSignatures.params("setsockopt");
        arity(p, 4, 4);
        String fd = descriptor(p.args().get(0), params.get(0), 0, false);
        IntExpr.Constant level = constant(p.args().get(1), params.get(1), 1);
        Family options = level.name().equals("SOL_SOCKET") ? Family.SOCKET_OPT : Family.TCP_OPT;
        IntExpr.Constant option = constant(p.args().get(2), new Param("optname", Kind.CONST, options, 0, 0), 2);
        IntExpr value = ranged(p.args().get(3), params.get(3), 3);
        return List.of(new Arg.Fd(fd), new Arg.Int(level), new Arg.Int(option), new Arg.Int(value));
    }

    /** {@code select({r…}[, {w…}|NULL[, timeout_ms|NULL]])}, or {@code select(fd, fd, …)} for a read set. */
    private List<Arg> select(Parsed p) throws InlineError {
        List<Node> a = p.args();
        if (a.isEmpty()) {
            throw new InlineError(p.closeAt(), "select() needs descriptors to watch", "write " + CallSignatures.synopsis("select"));
        }
        Param fdParam = new Param("fd", Kind.FD, null, 0, 0);
        if (!(a.getFirst() instanceof CallSyntax.Set) && !isNull(a.getFirst())) {
            List<String> read = each(a.size(), i -> descriptor(a.get(i), fdParam, i, false));
            return List.of(new Arg.FdSet(read), new Arg.FdSet(List.of()), new Arg.None());
        }
        arity(p, 1, 3);
        List<Arg> sets = each(Math.min(a.size(), 3), i -> i < 2 ? fdSet(a.get(i), i) : isNull(a.get(i)) ? new Arg.None()
                : new Arg.Int(ranged(a.get(i), CallSignatures.params("select").get(i), i)));
        Arg.FdSet read = (Arg.FdSet) sets.get(0);
        Arg.FdSet write = sets.size() > 1 ? (Arg.FdSet) sets.get(1) : new Arg.FdSet(List.of());
        Arg timeout = sets.size() > 2 ? sets.get(2) : new Arg.None();
        if (read.names().isEmpty() && write.names().isEmpty() && timeout instanceof Arg.None) {
            throw new InlineError(a.getFirst().at(), "select() with no descriptors and no timeout would wait forever",
                    "put at least one descriptor in a set, or give a timeout in milliseconds");
        }
        return List.of(read, write, timeout);
    }

    private Arg.FdSet fdSet(Node node, int i) throws InlineError {
        if (isNull(node)) {
            return new Arg.FdSet(List.of());
        }
        if (!(node instanceof CallSyntax.Set set)) {
            throw new InlineError(node.at(), "select()'s argument " + (i + 1) + " must be a set such as {conn.server} or NULL",
                    "write " + CallSignatures.synopsis("select"));
        }
        Param param = new Param(i == 0 ? "readfds" : "writefds", Kind.FD, null, 0, 0);
        return new Arg.FdSet(each(set.names().size(), k -> descriptor(set.names().get(k), param, i, false)));
    }

    private static boolean isNull(Node node) {
        return node instanceof Name n && n.name().equals("NULL");
    }
}
