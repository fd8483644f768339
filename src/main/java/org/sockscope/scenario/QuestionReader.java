package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and checks {@code question:}: letters unique, table cells match the columns, at most one
 * {@code otherwise}, and every rule names an existing step with a pattern that fits its call.
 */
final class QuestionReader {
    static final List<String> FIELDS = List.of("prompt", "note", "columns", "choices");
    private static final List<String> CHOICE_FIELDS = List.of("letter", "text", "cells", "when", "caveat");

    private final Problems problems;
    private final Map<String, Step> steps;
    private final java.util.Set<String> declared;
    private boolean anyRule;

    private QuestionReader(Problems problems, Map<String, Step> steps, java.util.Set<String> declared) {
        this.problems = problems;
        this.steps = steps;
        this.declared = declared;
    }

    /**
     * Reads the question. {@code steps} maps the ids of the steps that loaded to the steps;
     * {@code declared} holds every id the file declares (null when the steps could not be read),
     * so a rule naming a step that failed to load is not reported a second time.
     */
    static Question read(Node node, Map<String, Step> steps, java.util.Set<String> declared, Problems problems) {
        return new QuestionReader(problems, steps, declared).read(node);
    }

    private Question read(Node node) {
        YamlMap m = YamlMap.of(node, "the question", FIELDS, problems);
        if (m == null) {
            return null;
        }
        String prompt = m.text("prompt", true);
        String note = m.text("note", false);
        List<String> columns = texts(m.list("columns", false, false), "a column");
        List<Node> nodes = m.list("choices", true, false);
        if (nodes == null) {
            return null;
        }
        if (nodes.size() < 2) {
            problems.at(m.get("choices"), "a question needs at least two choices", "list them as on the slide: A, B, …");
        }
        List<Choice> choices = new ArrayList<>();
        Map<String, Node> letters = new LinkedHashMap<>();
        Node otherwise = null;
        for (Node n : nodes) {
            Choice c = choice(n, columns);
            if (c == null) {
                continue;
            }
            if (letters.containsKey(c.letter())) {
                problems.at(n, "choice " + c.letter() + " is listed twice", "each letter once");
                continue;
            }
            letters.put(c.letter(), n);
            if (c.otherwise()) {
                if (otherwise != null) {
                    problems.at(n, "only one choice may be 'otherwise'",
                            "the first is at line " + (otherwise.getStartMark().getLine() + 1));
                }
                otherwise = n;
            }
            choices.add(c);
        }
        if (!nodes.isEmpty() && !anyRule) {
            problems.at(m.keyNode("choices"), "no choice has a 'when' rule, so the answer cannot come from the kernel",
                    "give the right choice(s) a rule such as when: {empty: blocks}");
        }
        return prompt == null ? null : new Question(prompt, note == null ? "" : note, columns, choices);
    }

    private Choice choice(Node node, List<String> columns) {
        YamlMap m = YamlMap.of(node, "a choice", CHOICE_FIELDS, problems);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        String letter = m.text("letter", true);
        if (letter != null && !letter.matches("[A-Z]")) {
            problems.at(m.get("letter"), "choice letter '" + letter + "' is not one capital letter", "A, B, C, …");
        }
        String text = m.text("text", false);
        List<String> cells = texts(m.list("cells", false, false), "a cell");
        if (m.has("cells") && columns.isEmpty()) {
            problems.at(m.keyNode("cells"), "'cells' needs 'columns' on the question", "add columns: [Empty, 100 Bytes]");
        } else if (m.has("cells") && cells.size() != columns.size()) {
            problems.at(m.get("cells"), "choice has " + cells.size() + " cells but the question has "
                    + columns.size() + " columns", "one cell per column: " + String.join(", ", columns));
        }
        if (text == null && cells.isEmpty() && !m.has("text") && !m.has("cells")) {
            problems.at(m.node(), "a choice needs 'text' or 'cells'", "write its text as on the slide");
        }
        String caveat = m.text("caveat", false);
        Map<String, OutcomePattern> when = new LinkedHashMap<>();
        boolean otherwise = rule(m.get("when"), when);
        if (problems.count() > before || letter == null) {
            return null;
        }
        String shown = text != null ? text : String.join(" | ", cells);
        return new Choice(letter, shown, cells, when, otherwise, caveat == null ? "" : caveat);
    }

    /** Reads {@code when}: {@code otherwise}, or step id → pattern. Returns true for otherwise. */
    private boolean rule(Node node, Map<String, OutcomePattern> when) {
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode s && s.getValue().equals("otherwise")) {
            return true;
        }
        if (!(node instanceof MappingNode map)) {
            problems.at(node, "'when' must map step ids to outcomes, or be 'otherwise'",
                    "e.g. when: {empty: blocks, hundred: returns 100}");
            return false;
        }
        anyRule = true; // an attempt at a rule: report what is wrong with it, not that there is none
        if (map.getValue().isEmpty()) {
            problems.at(node, "'when' is empty", "name at least one step: when: {step_id: blocks}");
            return false;
        }
        for (NodeTuple t : map.getValue()) {
            String id = YamlMap.text(t.getKeyNode(), "a step id", problems);
            String text = YamlMap.text(t.getValueNode(), "an outcome", problems);
            if (id == null || text == null) {
                continue;
            }
            if (when.containsKey(id)) {
                problems.at(t.getKeyNode(), "step '" + id + "' appears twice in this rule", "join the patterns with 'and'");
                continue;
            }
            Step step = steps.get(id);
            // A declared step that failed to load has been reported already; its pattern is still
            // checked (only what needs the step's call is not), so every problem shows at once.
            if (step == null && declared != null && !declared.contains(id)) {
                problems.at(t.getKeyNode(), "no step has id '" + id + "'",
                        Suggest.hint(id, declared.stream().sorted().toList(), "step ids"));
            }
            try {
                OutcomePattern p = OutcomePatternParser.parse(text);
                if (step == null) {
                    continue;
                }
                if (p.needsLength() && !CallSignatures.hasLength(step.call().name())) {
                    problems.at(t.getValueNode(), "'" + p + "' needs a call with a length, and step '" + id
                            + "' calls " + step.call().name() + "()", "write a number instead of partial/all");
                }
                when.put(id, p);
            } catch (InlineError e) {
                problems.inside((ScalarNode) t.getValueNode(), e);
            }
        }
        return false;
    }

    private List<String> texts(List<Node> nodes, String label) {
        List<String> out = new ArrayList<>();
        if (nodes != null) {
            for (Node n : nodes) {
                String t = YamlMap.text(n, label, problems);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
