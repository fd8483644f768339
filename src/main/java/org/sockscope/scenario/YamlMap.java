package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read against the fields it may have: duplicate and unknown keys (typos!) are
 * reported where they stand, and typed getters report wrong types at the value. A getter returns
 * null when the field is absent or wrong, after reporting the problem.
 */
final class YamlMap {
    private final MappingNode node;
    private final String what;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();

    private YamlMap(MappingNode node, String what, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping describing {@code what} ("a step") with the given fields;
     * returns null, after reporting, when it is not a mapping.
     */
    static YamlMap of(Node node, String what, List<String> fields, Problems problems) {
        if (!(node instanceof MappingNode m)) {
            problems.at(node, what + " must be a mapping of fields, found " + describe(node),
                    "fields: " + String.join(", ", fields));
            return null;
        }
        YamlMap map = new YamlMap(m, what, problems);
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.at(t.getKeyNode(), "a field name must be plain text, found " + describe(t.getKeyNode()),
                        "fields: " + String.join(", ", fields));
                continue;
            }
            String k = key.getValue();
            if (!fields.contains(k)) {
                problems.at(key, "unknown field '" + k + "' in " + what, Suggest.hint(k, fields, "allowed"));
                map.unknown.add(k);
            } else if (map.entries.containsKey(k)) {
                problems.at(key, "duplicate field '" + k + "' in " + what,
                        "first given at line " + (map.entries.get(k).getKeyNode().getStartMark().getLine() + 1));
            } else {
                map.entries.put(k, t);
            }
        }
        return map;
    }

    /** A short description of a node's type for messages. */
    static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when s.getTag().equals(Tag.NULL) -> "nothing";
            case ScalarNode s -> "'" + abbreviate(s.getValue()) + "'";
            default -> "something else";
        };
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }

    MappingNode node() {
        return node;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node, or null when absent. */
    Node get(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** The key node (for errors about the field as a whole), or the mapping when absent. */
    Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? node : t.getKeyNode();
    }

    /** Reports a missing required field; returns the value node or null. */
    Node required(String key) {
        Node v = get(key);
        // A misspelt field was reported as unknown with "did you mean"; don't report it missing too.
        boolean misspelt = unknown.stream().anyMatch(u -> key.equals(Suggest.closest(u, List.of(key))));
        if (v == null && !misspelt) {
            problems.at(node, "missing field '" + key + "' in " + what, requiredHint(key));
        }
        return v;
    }

    private String requiredHint(String key) {
        return switch (key) {
            case "call" -> "e.g. call: recv(conn.server, r_buf, 200, 0)";
            case "say" -> "the narration an instructor would say for this step";
            default -> "add '" + key + ": …'";
        };
    }

    /** A text field; empty text is treated as missing when required. */
    String text(String key, boolean required) {
        Node v = required ? required(key) : get(key);
        return v == null ? null : text(v, "'" + key + "' in " + what, problems);
    }

    /** An integer field within [min, max]. */
    Long integer(String key, long min, long max) {
        Node v = get(key);
        return v == null ? null : integer(v, "'" + key + "'", min, max, problems);
    }

    /** A boolean field. */
    Boolean bool(String key) {
        Node v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return s.getValue().equals("true");
        }
        problems.at(v, "'" + key + "' must be true or false, found " + describe(v), "write true or false");
        return null;
    }

    /** A list field (a single value counts as a list of one when {@code single} is true). */
    List<Node> list(String key, boolean required, boolean single) {
        Node v = required ? required(key) : get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof SequenceNode s) {
            return new ArrayList<>(s.getValue());
        }
        if (single && v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return List.of(v);
        }
        problems.at(v, "'" + key + "' must be a list, found " + describe(v), "write one item per line, each starting with '- '");
        return null;
    }

    /** A node as non-empty text, or null after reporting. */
    static String text(Node v, String label, Problems problems) {
        if (!(v instanceof ScalarNode s)) {
            problems.at(v, label + " must be text, found " + describe(v), "quote it if it contains ': ' or starts with a symbol");
            return null;
        }
        if (s.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
            problems.at(v, label + " is empty", "write a value after the colon");
            return null;
        }
        return s.getValue();
    }

    /** A node as an integer within [min, max], or null after reporting; both errors say the range. */
    static Long integer(Node v, String label, long min, long max, Problems problems) {
        String range = min + ".." + max;
        String digits = v instanceof ScalarNode s ? s.getValue().replace("_", "") : "";
        if (WHOLE.matcher(digits).matches()) {
            Long n = parseLong(digits);
            if (n != null && n >= min && n <= max) {
                return n;
            }
            // Digits too many for a long are still a number: out of range, not "not a number".
            problems.at(v, label + " is " + abbreviate(digits) + ", outside " + range, "use a value in that range");
            return null;
        }
        problems.at(v, label + " must be a whole number in " + range + ", found " + describe(v),
                "write digits only, e.g. " + Math.clamp(4096, min, max));
        return null;
    }

    private static Long parseLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[-+]?[0-9]+");
}
