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
        List<OutcomePattern> expect = new ExpectReader(problems, names).expect(m, call);
        Optional<Repeat> repeat = repeat(m, call);
        // Bind even when the call is wrong, so later steps are not reported for the same mistake.
        String bind = bind(m, call != null ? call.name() : guessName(text), process, repeat.isPresent());
        if (call != null && call.name().equals("socketpair")) {
            String sv = ((Arg.Variable) call.args().get(3)).name();
            for (String end : CallSignatures.pairEnds(sv)) {
                names.define(new Names.Symbol(end, Names.Kind.DESCRIPTOR, names.tableOf(process)));
            }
        }
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
