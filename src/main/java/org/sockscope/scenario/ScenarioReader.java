package org.sockscope.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Builds a {@link Scenario} from a composed YAML tree, reporting every problem it finds. */
final class ScenarioReader {
    static final List<String> FIELDS = List.of("title", "slide", "about", "question", "setup", "code", "steps", "checks");
    private static final List<String> CHECK_FIELDS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(Check.How.values()).map(Check.How::key), java.util.stream.Stream.of("outcome")).toList();

    private ScenarioReader() {
    }

    /** The scenario, or null when {@code problems} holds at least one error. */
    static Scenario read(Node root, String id, String source, Problems problems) {
        YamlMap m = YamlMap.of(root, "the scenario", FIELDS, problems);
        if (m == null) {
            return null;
        }
        String title = m.text("title", true);
        String slide = m.text("slide", true);
        String about = m.text("about", false);
        Node setupNode = m.required("setup");
        SetupReader.Result setup = setupNode == null ? null : SetupReader.read(setupNode, problems);
        Map<String, CodeListing> code = code(m.get("code"), setup, problems);
        List<Node> stepNodes = m.list("steps", true, false);
        List<Step> steps = List.of();
        java.util.Set<String> declaredIds = java.util.Set.of();
        boolean stepsRead = false;
        if (stepNodes != null && stepNodes.isEmpty()) {
            problems.at(m.get("steps"), "'steps' is empty", "a scenario needs at least one step");
        } else if (stepNodes != null && setup != null && setup.setup() != null) {
            StepReader.Result r = StepReader.read(stepNodes, setup.setup(), setup.names(), code, problems);
            steps = r.steps();
            declaredIds = r.ids();
            stepsRead = true;
        }
        Map<String, Step> byId = new LinkedHashMap<>();
        steps.forEach(s -> s.id().ifPresent(i -> byId.put(i, s)));
        Node questionNode = m.get("question");
        // When the steps could not be read at all, rules cannot be checked against them: say nothing
        // about step ids rather than blame every rule for the steps' problem.
        Question question = questionNode == null ? null
                : QuestionReader.read(questionNode, byId, stepsRead ? declaredIds : null, problems);
        List<Check> checks = checks(m.list("checks", false, false), stepsRead ? declaredIds : null, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scenario(id, source, title, slide, about == null ? "" : about, Optional.ofNullable(question),
                setup.setup(), code, steps, checks);
    }

    /** {@code checks:}, each {@code {exactly_one_of: [a, b], outcome: returns 10}}; {@code ids} null when the steps could not be read. */
    private static List<Check> checks(List<Node> nodes, java.util.Set<String> ids, Problems problems) {
        List<Check> out = new java.util.ArrayList<>();
        for (Node n : nodes == null ? List.<Node>of() : nodes) {
            YamlMap m = YamlMap.of(n, "a check", CHECK_FIELDS, problems);
            if (m == null) {
                continue;
            }
            List<Check.How> hows = java.util.Arrays.stream(Check.How.values()).filter(h -> m.has(h.key())).toList();
            if (hows.size() != 1) {
                problems.at(n, "a check needs one of " + String.join(", ", CHECK_FIELDS.subList(0, CHECK_FIELDS.size() - 1)),
                        "e.g. {exactly_one_of: [a, b], outcome: returns 10}");
                continue;
            }
            Check.How how = hows.getFirst();
            List<String> steps = new java.util.ArrayList<>();
            List<Node> stepNodes = m.list(how.key(), true, false);
            for (Node s : stepNodes == null ? List.<Node>of() : stepNodes) {
                String stepId = YamlMap.text(s, "a step id", problems);
                if (stepId != null && ids != null && !ids.contains(stepId)) {
                    problems.at(s, "no step has id '" + stepId + "'", Suggest.hint(stepId, List.copyOf(ids), "step ids"));
                } else if (stepId != null) {
                    steps.add(stepId);
                }
            }
            Node outcome = m.required("outcome");
            String text = outcome == null ? null : YamlMap.text(outcome, "'outcome'", problems);
            if (text == null) {
                continue;
            }
            try {
                out.add(new Check(how, steps, OutcomePatternParser.parse(text), n.getStartMark().getLine() + 1));
            } catch (InlineError e) {
                problems.inside((org.yaml.snakeyaml.nodes.ScalarNode) outcome, e);
            }
        }
        return out;
    }

    /** {@code code:} maps process names to their C listing (a block scalar). */
    private static Map<String, CodeListing> code(Node node, SetupReader.Result setup, Problems problems) {
        Map<String, CodeListing> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.at(node, "'code' must map process names to C code, found " + YamlMap.describe(node),
                    "write each process's code as a block: 'app: |' followed by indented lines of C");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            String process = YamlMap.text(t.getKeyNode(), "a process name", problems);
            String text = YamlMap.text(t.getValueNode(), "code for '" + process + "'", problems);
            if (process == null || text == null) {
                continue;
            }
            if (setup != null && !setup.names().isProcess(process)) {
                List<String> declared = setup.setup() == null ? List.of()
                        : setup.setup().processes().stream().map(ProcessSpec::name).toList();
                if (!declared.isEmpty()) { // none declared: reported once, in setup.processes
                    problems.at(t.getKeyNode(), "code for unknown process '" + process + "'",
                            Suggest.hint(process, declared, "declared processes"));
                }
                continue;
            }
            if (out.containsKey(process)) {
                problems.at(t.getKeyNode(), "code for '" + process + "' is given twice", "one listing per process");
                continue;
            }
            List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
            while (!lines.isEmpty() && lines.getLast().isBlank()) {
                lines.removeLast(); // a block scalar ends with a newline; it is not a line of code
            }
            out.put(process, new CodeListing(process, lines));
        }
        return out;
    }
}
