package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and checks a step's {@code expect:}: what the call must return or fail with, whether it
 * blocks (or for how long), a loop's total, calls and why it stopped, and kernel figures after it.
 */
final class ExpectReader {
    private static final List<String> EXPECT_FIELDS = List.of("returns", "fails", "blocks", "total", "calls", "stopped",
            "recv_queue", "send_queue", "dropped", "pipe", "ready");
    private static final List<String> PIPE_FIELDS = List.of("queued", "of");
    private static final List<String> CALLS_FIELDS = List.of("at_least", "at_most");

    private final Problems problems;
    private final Names names;

    ExpectReader(Problems problems, Names names) {
        this.problems = problems;
        this.names = names;
    }

    /** The step's {@code expect:}; {@code call} is null when it did not parse (then only the patterns are checked). */
    List<OutcomePattern> expect(YamlMap step, Call call) {
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
        for (String queue : List.of("recv_queue", "send_queue", "dropped")) {
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
}
