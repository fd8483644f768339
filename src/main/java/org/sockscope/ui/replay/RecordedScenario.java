package org.sockscope.ui.replay;

import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.Step;
import org.sockscope.trace.RecordingHeader;

import java.nio.charset.StandardCharsets;

/**
 * The scenario a recording holds, read from the file in its header: its title, and for each moment
 * (0: set up, k: after step k) the heading and the narration its author wrote. Null-safe when the
 * file does not load here: the recorded calls are still the trace's.
 */
final class RecordedScenario {
    private final RecordingHeader header;
    private final Scenario scenario;
    private final int problems;

    RecordedScenario(RecordingHeader h) {
        header = h;
        Scenario s = null;
        int n = 0;
        try {
            s = ScenarioLoader.load(h.scenario(), h.scenarioText().getBytes(StandardCharsets.UTF_8));
        } catch (ScenarioException e) {
            n = e.errors().size();
        }
        scenario = s;
        problems = n;
    }

    /** The heading of the whole replay. */
    String title() {
        return scenario == null
                ? "Scenario " + header.scenario() + " (its file does not load here: " + problems + " problem(s)): the calls as recorded"
                : "Scenario “" + scenario.title() + "” (" + header.scenario() + "): the calls as recorded";
    }

    /** {@code Step 2 of 4 · app_empty · recv(sock, r_buf, 200, 0)}, or for moment 0 the set-up line. */
    String heading(int moment) {
        if (scenario == null || moment > scenario.steps().size()) {
            return "";
        }
        int total = scenario.steps().size();
        if (moment == 0) {
            return "Set up · " + total + " steps to go";
        }
        Step s = scenario.steps().get(moment - 1);
        return "Step " + moment + " of " + total + " · " + s.process() + " · " + s.call().text();
    }

    /** The scenario's question, if it has one (and its file loads here). */
    java.util.Optional<org.sockscope.scenario.Question> question() {
        return scenario == null ? java.util.Optional.empty() : scenario.question();
    }

    /** What the scenario's author says at that moment. */
    String narration(int moment) {
        if (scenario == null || moment > scenario.steps().size()) {
            return "";
        }
        return moment == 0 ? scenario.about() : scenario.steps().get(moment - 1).say();
    }
}
