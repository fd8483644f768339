package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and checks the {@code steps:} list in order. Each call is parsed with the names defined
 * at that point, so a step may use a descriptor or number bound by an earlier step's {@code as:}.
 */
final class StepReader {
    static final List<String> FIELDS = List.of("id", "process", "call", "line", "say", "as", "expect", "repeat");
    private static final List<String> EXPECT_FIELDS = List.of("returns", "fails", "blocks", "total", "calls", "stopped",
            "recv_queue", "send_queue", "pipe", "ready");
    private static final List<String> PIPE_FIELDS = List.of("queued", "of");
    private static final List<String> CALLS_FIELDS = List.of("at_least", "at_most");
    private static final List<String> REPEAT_FIELDS = List.of("until", "max", "times");

    private final Problems problems;
    private final Setup setup;
    private final Names names;
    private final Map<String, CodeListing> code;
    private final Map<String, Node> ids = new LinkedHashMap<>();
    /** Spawned processes and threads, by the step (1-based) that spawns them. */
    private final Map<String, Integer> spawnedAt = new LinkedHashMap<>();

    private StepReader(Problems problems, Setup setup, Names names, Map<String, CodeListing> code) {
        this.problems = problems;
        this.setup = setup;
        this.names = names;
        this.code = code;
    }

    /** The steps that loaded, and every id declared (also by steps that did not load). */
    record Result(List<Step> steps, java.util.Set<String> ids) {
    }

    /** Reads the steps; a step that has problems is reported and left out. */
    static Result read(List<Node> nodes, Setup setup, Names names, Map<String, CodeListing> code, Problems problems) {
        StepReader r = new StepReader(problems, setup, names, code);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Step s = r.step(nodes.get(i), i);
            if (s != null) {
                steps.add(s);
            }
        }
        return new Result(steps, java.util.Set.copyOf(r.ids.keySet()));
    }

    private Step step(Node node, int index) {
        YamlMap m = YamlMap.of(node, "step " + (index + 1), FIELDS, problems);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        String id = id(m);
        String process = process(m, index);
        boolean notYet = process != null && names.spawner(process).isPresent() && !spawnedAt.containsKey(process);
        if (notYet) {
            problems.at(m.has("process") ? m.get("process") : m.node(), process + " makes a call before a step spawns it",
                    "put a step of " + names.spawner(process).get() + " with call: spawn(" + process + ") before this one");
        }
        String say = m.text("say", true);
        List<Integer> lines = lines(m, process);
        Node callNode = m.required("call");
        Call call = null;
        String text = callNode == null ? null : YamlMap.text(callNode, "'call'", problems);
        if (text != null) {
            try {
                // An unknown process is reported above; the call is still checked (without the
                // ownership check, which needs the process) so one mistake does not hide the next.
                call = CallParser.parse(text, names, notYet ? null : process); // not yet spawned: it has no table to check
            } catch (InlineError e) {
                problems.inside((ScalarNode) callNode, e);
            }
        }
        // A wrong call does not hide a wrong expect or repeat: they are checked without it.
        List<OutcomePattern> expect = expect(m, call);
        Optional<Repeat> repeat = repeat(m, call);
        // Bind even when the call is wrong, so later steps are not reported for the same mistake.
        String bind = bind(m, call != null ? call.name() : guessName(text), process, repeat.isPresent());
        String child = call != null ? (call.name().equals("spawn") ? ((Arg.Process) call.args().getFirst()).name() : null)
                : spawnedName(text); // a wrong spawn() still spawns, so later steps are not blamed for it too
        if (child != null) {
            // A wrong spawn() is taken as its declared spawner's, the likelier intent.
            String from = call != null ? process : names.spawner(child).filter(names::isProcess).orElse(process);
            spawn(callNode, child, from, index);
        }
        if (problems.count() > before || call == null) {
            return null;
        }
        return new Step(index, Optional.ofNullable(id), process, call, lines, say, Optional.ofNullable(bind),
                expect, repeat, node.getStartMark().getLine() + 1);
    }

    /** The declared process a call's text spawns, read loosely, or null. */
    private String spawnedName(String text) {
        var m = java.util.regex.Pattern.compile("\\s*spawn\\s*\\(\\s*(\\w+)\\s*\\)").matcher(text == null ? "" : text);
        return m.lookingAt() && names.isProcess(m.group(1)) ? m.group(1) : null;
    }

    /** Step {@code index} spawns {@code child}: once; a process then holds a copy of every descriptor of the spawner's table. */
    private void spawn(Node where, String child, String process, int index) {
        if (spawnedAt.containsKey(child)) {
            problems.at(where, child + " is spawned twice", "step " + spawnedAt.get(child) + " spawns it already;"
                    + " declare another process for a second child");
            return;
        }
        spawnedAt.put(child, index + 1);
        String table = names.tableOf(child);
        if (child.equals(table) && process != null) {
            names.inherit(names.tableOf(process), child);
        }
    }

    private String id(YamlMap m) {
        Node n = m.get("id");
        if (n == null) {
            return null;
        }
        String id = YamlMap.text(n, "'id'", problems);
        if (id == null) {
            return null;
        }
        if (!SetupReader.IDENT.matcher(id).matches()) {
            problems.at(n, "step id '" + id + "' is not a name", "use letters, digits and _, starting with a letter");
            return null;
        }
        if (ids.containsKey(id)) {
            problems.at(n, "step id '" + id + "' is used twice", "first used at line " + (ids.get(id).getStartMark().getLine() + 1));
            return null;
        }
        ids.put(id, n);
        return id;
    }

    /** The step's process; may be left out when the scenario has exactly one. */
    private String process(YamlMap m, int index) {
        List<String> declared = setup.processes().stream().map(ProcessSpec::name).toList();
        Node n = m.get("process");
        // With no process declared, setup.processes has been reported: a step is not blamed for it too.
        if (n == null) {
            if (declared.size() == 1) {
                return declared.getFirst();
            }
            if (!declared.isEmpty()) {
                problems.at(m.node(), "missing field 'process' in step " + (index + 1),
                        "say which process makes the call: " + String.join(", ", declared));
            }
            return null;
        }
        String p = YamlMap.text(n, "'process'", problems);
        if (p != null && !names.isProcess(p)) {
            if (!declared.isEmpty()) {
                problems.at(n, "unknown process '" + p + "'", Suggest.hint(p, declared, "declared processes"));
            }
            return null;
        }
        return p;
    }

    /** {@code line: 3} or {@code line: [3, 4]}: lines of the process's listing (or its parent's). */
    private List<Integer> lines(YamlMap m, String process) {
        List<Node> nodes = m.list("line", false, true);
        if (nodes == null || process == null) {
            return List.of();
        }
        CodeListing listing = listing(process);
        List<Integer> out = new ArrayList<>();
        for (Node n : nodes) {
            if (listing == null) {
                problems.at(n, "process '" + process + "' has no code listing to highlight",
                        "add its C code under code: " + process + ": |");
                return List.of();
            }
            Long v = YamlMap.integer(n, "'line'", 1, listing.lines().size(), problems);
            if (v != null) {
                out.add(v.intValue());
            }
        }
        return out;
    }

    private CodeListing listing(String process) {
        CodeListing own = code.get(process);
        return own != null ? own : code.get(names.tableOf(process));
    }

    /** The step's {@code expect:}; {@code call} is null when it did not parse (then only the patterns are checked). */
    private List<OutcomePattern> expect(YamlMap step, Call call) {
        Node node = step.get("expect");
        if (node == null) {
            return List.of();
        }
        YamlMap m = YamlMap.of(node, "'expect'", EXPECT_FIELDS, problems);
        if (m == null) {
            return List.of();
        }
        List<OutcomePattern> out = new ArrayList<>();
        if (m.has("returns") && m.has("fails")) {
            problems.at(m.keyNode("fails"), "a step cannot both return a value and fail", "keep either 'returns' or 'fails'");
        }
        Node returns = m.get("returns");
        if (returns != null) {
            String text = YamlMap.text(returns, "'returns'", problems);
            if (text != null) {
                try {
                    out.add(OutcomePatternParser.parse("returns " + text));
                } catch (InlineError e) {
                    problems.inside((ScalarNode) returns, new InlineError(Math.max(0, e.offset - 8), e.getMessage(),
                            "a number, partial (0 < ret < len), all (ret == len), or \">0\" (quoted)"));
                }
            }
        }
        Node fails = m.get("fails");
        if (fails != null) {
            String name = YamlMap.text(fails, "'fails'", problems);
            if (name != null) {
                try {
                    out.add(new OutcomePattern.Fails(name, OutcomePatternParser.errno(name, 0)));
                } catch (InlineError e) {
                    problems.inside((ScalarNode) fails, e);
                }
            }
        }
        Node blocks = m.get("blocks");
        if (blocks != null) {
            blocks(blocks).ifPresent(out::add);
        }
        Node total = m.get("total");
        if (total != null) {
            figure(total, "total", "a number of bytes, or compared with one: 9000, \">=1000\" (quoted)").ifPresent(out::add);
            if (call != null && !CallSignatures.hasLength(call.name()) && !call.name().equals("fill") && !call.name().equals("drain")) {
                problems.at(total, "'total' counts bytes moved, and " + call.name() + "() moves none",
                        "total applies to send, recv, read, write, fill and drain (and loops of them)");
            }
        }
        Node calls = m.get("calls");
        if (calls != null) {
            calls(calls).ifPresent(out::add);
        }
        for (String queue : List.of("recv_queue", "send_queue")) {
            if (m.get(queue) != null) {
                out.addAll(figures(m.get(queue), queue, queue, call));
            }
        }
        if (m.get("pipe") != null) {
            YamlMap pipe = YamlMap.of(m.get("pipe"), "'pipe'", PIPE_FIELDS, problems);
            if (pipe != null && pipe.required("queued") != null) {
                Node of = pipe.get("of");
                String name = of == null ? firstDescriptor(pipe.get("queued"), "pipe", call)
                        : descriptorName(of, YamlMap.text(of, "'of'", problems));
                figure("pipe_queued", name, pipe.get("queued")).ifPresent(out::add);
            }
        }
        if (m.get("ready") != null) {
            ready(m.get("ready"), call).ifPresent(out::add);
        }
        Node stopped = m.get("stopped");
        if (stopped != null) {
            String why = YamlMap.text(stopped, "'stopped'", problems);
            if (why != null) {
                try {
                    out.add(OutcomePatternParser.stopped(why, 0));
                } catch (InlineError e) {
                    problems.inside((ScalarNode) stopped, e);
                }
            }
        }
        for (OutcomePattern p : out) {
            if (call != null && p.needsLength() && !CallSignatures.hasLength(call.name())) {
                problems.at(returns, "'" + p + "' needs a call with a length, and " + call.name() + "() has none",
                        "partial and all apply to send, recv, read and write; write a number instead");
            }
        }
        return out;
    }

    /** {@code recv_queue: 80} (the step's descriptor) or {@code recv_queue: {conn.server: 80, …}}. */
    private List<OutcomePattern> figures(Node node, String key, String figure, Call call) {
        List<OutcomePattern> out = new ArrayList<>();
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode map) {
            for (var t : map.getValue()) {
                String name = descriptorName(t.getKeyNode(), YamlMap.text(t.getKeyNode(), "a descriptor name", problems));
                figure(figure, name, t.getValueNode()).ifPresent(out::add);
            }
            return out;
        }
        figure(figure, firstDescriptor(node, key, call), node).ifPresent(out::add);
        return out;
    }

    /** The step's first descriptor, which a figure without a name is read from; null (reported) when it has none. */
    private String firstDescriptor(Node where, String key, Call call) {
        if (call == null) {
            return null;
        }
        if (call.descriptors().isEmpty()) {
            problems.at(where, "'" + key + "' reads a descriptor's figure, and " + call.name() + "() names none",
                    "name it: " + key + ": {conn.server: 80}");
            return null;
        }
        return call.descriptors().getFirst();
    }

    /** {@code name}, when it is a descriptor defined at this point; null (reported) otherwise. */
    private String descriptorName(Node where, String name) {
        if (name == null) {
            return null;
        }
        List<String> known = names.descriptors(null);
        if (!known.contains(name)) {
            problems.at(where, "'" + name + "' is not a descriptor defined here", Suggest.hint(name, known, "descriptors"));
            return null;
        }
        return name;
    }

    private Optional<OutcomePattern> figure(String figure, String name, Node amountNode) {
        String text = amountNode == null ? null : YamlMap.text(amountNode, "the expected figure", problems);
        if (text == null || name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OutcomePattern.Figure(figure, name, OutcomePatternParser.figure(text)));
        } catch (InlineError e) {
            problems.inside((ScalarNode) amountNode, new InlineError(e.offset, e.getMessage(), "a number of bytes, or"
                    + " compared with one: 80, \">0\" (quoted)"));
            return Optional.empty();
        }
    }

    /** {@code ready: [conn.server]}: select()'s ready set, among the descriptors it watches. */
    private Optional<OutcomePattern> ready(Node node, Call call) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq)) {
            problems.at(node, "'ready' must be a list of descriptor names, found " + YamlMap.describe(node),
                    "e.g. ready: [conn.server] (or [] for none)");
            return Optional.empty();
        }
        if (call == null) {
            return Optional.empty();
        }
        if (!call.name().equals("select")) {
            problems.at(node, "'ready' is select()'s ready set, and this step calls " + call.name() + "()",
                    "expect ready: on a select() step");
            return Optional.empty();
        }
        List<String> ready = new ArrayList<>();
        for (Node n : seq.getValue()) {
            String name = YamlMap.text(n, "a descriptor name", problems);
            if (name != null && !call.descriptors().contains(name)) {
                problems.at(n, "select() does not watch '" + name + "'", "it watches: " + String.join(", ", call.descriptors()));
            } else if (name != null) {
                ready.add(name);
            }
        }
        return Optional.of(new OutcomePattern.Ready(ready, call.descriptors().stream().distinct().toList()));
    }

    /** {@code total: 9000} or {@code calls: ">=3"}: the pattern {@code KEY VALUE}. */
    private Optional<OutcomePattern> figure(Node node, String key, String hint) {
        String text = YamlMap.text(node, "'" + key + "'", problems);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OutcomePatternParser.parse(key + " " + text));
        } catch (InlineError e) {
            problems.inside((ScalarNode) node, new InlineError(Math.max(0, e.offset - key.length() - 1), e.getMessage(), hint));
            return Optional.empty();
        }
    }

    /** {@code calls: 3}, {@code calls: ">=3"} or {@code calls: {at_least: 3, at_most: 10}}. */
    private Optional<OutcomePattern> calls(Node node) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            return figure(node, "calls", "a number of calls, or compared with one: 3, \">=3\" (quoted), {at_least: 3}");
        }
        int before = problems.count();
        YamlMap m = YamlMap.of(node, "'calls'", CALLS_FIELDS, problems);
        Long atLeast = m.integer("at_least", 1, Repeat.MAX_CALLS);
        Long atMost = m.integer("at_most", 1, Repeat.MAX_CALLS);
        if (problems.count() > before) {
            return Optional.empty();
        }
        if (atLeast == null && atMost == null) {
            problems.at(node, "'calls' needs at_least or at_most", "e.g. calls: {at_least: 3}");
            return Optional.empty();
        }
        List<OutcomePattern> parts = new ArrayList<>();
        if (atLeast != null) {
            parts.add(new OutcomePattern.Calls(new OutcomePattern.Amount(OutcomePattern.Amount.Op.GE, atLeast)));
        }
        if (atMost != null) {
            parts.add(new OutcomePattern.Calls(new OutcomePattern.Amount(OutcomePattern.Amount.Op.LE, atMost)));
        }
        if (atLeast != null && atMost != null && atLeast > atMost) {
            problems.at(node, "at_least (" + atLeast + ") is more than at_most (" + atMost + ")", "");
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? parts.getFirst() : new OutcomePattern.All(parts));
    }

    /** {@code blocks: true}, {@code blocks: false} or a timing band {@code blocks: {at_least_ms: 100, at_most_ms: 400}}. */
    private Optional<OutcomePattern> blocks(Node node) {
        if (node instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            OutcomePattern blocks = new OutcomePattern.Blocks();
            return Optional.of(s.getValue().equals("true") ? blocks : new OutcomePattern.Not(blocks));
        }
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            problems.at(node, "'blocks' must be true, false or a timing band, found " + YamlMap.describe(node),
                    "e.g. blocks: true or blocks: {at_least_ms: 100, at_most_ms: 400}");
            return Optional.empty();
        }
        int before = problems.count();
        YamlMap band = YamlMap.of(node, "'blocks'", OutcomePatternParser.BAND_FIELDS, problems);
        Long atLeast = band.integer("at_least_ms", 0, OutcomePatternParser.MAX_BAND_MS);
        Long atMost = band.integer("at_most_ms", 0, OutcomePatternParser.MAX_BAND_MS);
        if (problems.count() > before) {
            return Optional.empty(); // a wrong bound or field was reported where it stands
        }
        try {
            return Optional.of(OutcomePatternParser.band(atLeast == null ? OutcomePattern.BlocksFor.NONE : atLeast,
                    atMost == null ? OutcomePattern.BlocksFor.NONE : atMost, 0));
        } catch (InlineError e) {
            problems.at(node, e.getMessage(), e.hint);
            return Optional.empty();
        }
    }

    /** The step's {@code repeat:}; {@code call} is null when it did not parse (then only the fields are checked). */
    private Optional<Repeat> repeat(YamlMap step, Call call) {
        Node node = step.get("repeat");
        if (node == null) {
            return Optional.empty();
        }
        YamlMap m = YamlMap.of(node, "'repeat'", REPEAT_FIELDS, problems);
        if (m == null) {
            return Optional.empty();
        }
        Long times = m.integer("times", 1, Repeat.MAX_CALLS);
        Long max = m.integer("max", 1, Repeat.MAX_CALLS);
        Node until = m.get("until");
        if (m.has("times") && (m.has("until") || m.has("max"))) {
            problems.at(m.keyNode("times"), "'times' cannot be combined with 'until' or 'max'",
                    "repeat a fixed number of times, or until an outcome (at most 'max' times)");
            return Optional.empty();
        }
        if (!m.has("times") && until == null) {
            problems.at(node, "'repeat' needs 'until' or 'times'", "e.g. repeat: {until: \"returns >0\"}");
            return Optional.empty();
        }
        if (until == null) {
            return times == null ? Optional.empty() : Optional.of(new Repeat(Optional.empty(), times));
        }
        String text = YamlMap.text(until, "'until'", problems);
        if (text == null) {
            return Optional.empty();
        }
        try {
            OutcomePattern p = OutcomePatternParser.parse(text);
            String notALoop = CallBinder.notALoopCondition(p);
            if (notALoop != null) {
                problems.at(until, notALoop, "e.g. until: \"returns >0\" or until: \"fails EAGAIN\"");
            }
            if (call != null && p.needsLength() && !CallSignatures.hasLength(call.name())) {
                problems.at(until, "'" + p + "' needs a call with a length, and " + call.name() + "() has none",
                        "write a number instead of partial/all");
            }
            return Optional.of(new Repeat(Optional.of(p), max == null ? Repeat.MAX_CALLS : max));
        } catch (InlineError e) {
            problems.inside((ScalarNode) until, e);
            return Optional.empty();
        }
    }

    /** {@code as: name}: binds a descriptor (socket, accept) or a number (anything else) for later steps. */
    private static String guessName(String text) {
        var matcher = java.util.regex.Pattern.compile("\\s*(\\w+)").matcher(text == null ? "" : text);
        return matcher.lookingAt() ? matcher.group(1) : "";
    }

    /** The numbers {@code as: n} on a loop binds besides {@code n}: {@code n.calls}, {@code n.last}, {@code n.errno}. */
    static final List<String> LOOP_FIELDS = List.of("calls", "last", "errno");

    private String bind(YamlMap m, String callName, String process, boolean loop) {
        Node n = m.get("as");
        if (n == null) {
            return null;
        }
        String name = YamlMap.text(n, "'as'", problems);
        if (name == null) {
            return null;
        }
        if (!SetupReader.IDENT.matcher(name).matches() || Constants.isKnown(name) || CallSignatures.isKnown(name)
                || name.equals("NULL")) {
            problems.at(n, "'" + name + "' cannot be bound", "use a C variable name such as sock, n or sent");
            return null;
        }
        Names.Kind kind = CallSignatures.returnsDescriptor(callName) ? Names.Kind.DESCRIPTOR : Names.Kind.NUMBER;
        var old = names.get(name);
        Names.Symbol symbol = new Names.Symbol(name, kind, kind == Names.Kind.NUMBER ? null : names.tableOf(process));
        if (old.isPresent() && old.get().kind() != kind) {
            problems.at(n, "'" + name + "' already names " + (old.get().kind() == Names.Kind.NUMBER ? "a number" : "a descriptor"),
                    "choose another name");
            names.define(symbol); // later steps follow the newest meaning instead of failing too
            return null;
        }
        names.define(symbol);
        if (loop) {
            LOOP_FIELDS.forEach(f -> names.define(new Names.Symbol(name + "." + f, Names.Kind.NUMBER, null)));
        }
        return name;
    }
}
