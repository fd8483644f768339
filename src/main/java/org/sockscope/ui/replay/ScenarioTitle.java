package org.sockscope.ui.replay;

import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.trace.RecordingHeader;

import java.nio.charset.StandardCharsets;

/** The heading of a scenario recording: the recorded scenario file's title, read from the file the header holds. */
final class ScenarioTitle {
    private ScenarioTitle() {
    }

    static String of(RecordingHeader h) {
        try {
            return "Scenario “" + ScenarioLoader.load(h.scenario(), h.scenarioText().getBytes(StandardCharsets.UTF_8)).title()
                    + "” (" + h.scenario() + "): the calls as recorded";
        } catch (ScenarioException e) { // a scenario this SockScope would not load: its calls are still the trace's
            return "Scenario " + h.scenario() + " (its file does not load here: " + e.errors().size() + " problem(s)): the calls as recorded";
        }
    }
}
