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
    static final List<String> FIELDS = List.of("title", "slide", "about", "question", "setup", "code", "steps");

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
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scenario(id, source, title, slide, about == null ? "" : about, Optional.ofNullable(question),
                setup.setup(), code, steps);
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
