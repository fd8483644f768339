package org.sockscope.ui.scenario;

import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.StepRecords;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.RecordedReveal;
import org.sockscope.trace.Recording;
import org.sockscope.trace.Slot;
import org.sockscope.trace.Trace;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario recording as the scenario view's source, in place of a live session: the scenario
 * from the file in the recording's header, the recorded trace, the steps' reports as the session
 * made them when the run was saved, where each step ended in the trace, and the reveal as it was
 * decided then. No JavaFX; nothing here runs or works a figure out again.
 */
final class RecordedRun {
    private final Recording recording;
    private final Scenario scenario;
    private final List<StepReport> reports;
    private final Map<Slot, String> names;
    private final List<Long> marks;
    private final Trace trace;

    private RecordedRun(Recording recording, Scenario scenario) {
        this.recording = recording;
        this.scenario = scenario;
        this.reports = StepRecords.reports(scenario, recording.header().steps());
        this.names = StepRecords.names(recording.header().steps());
        long last = recording.trace().size() - 1L;
        this.marks = recording.header().stepEnds().stream().map(i -> Math.min(i, last)).toList();
        this.trace = Trace.of(recording.trace().events());
    }

    /**
     * The run in {@code r}, or why the scenario view cannot show it (a playground run, a recording
     * made before SockScope recorded the steps' reports, a scenario file that does not load here):
     * then the replay view shows its calls as recorded.
     */
    static Result of(Recording r) {
        if (!r.scenario()) {
            return new Result(null, "a playground run, not a scenario's");
        }
        if (!r.header().steps().recorded() || r.header().stepEnds().isEmpty()) {
            return new Result(null, "the recording holds no step reports (saved by SockScope " + r.header().sockscopeVersion()
                    + " before they were recorded, or before step 1 ran)");
        }
        try {
            Scenario s = ScenarioLoader.load(r.header().scenario(), r.header().scenarioText().getBytes(StandardCharsets.UTF_8));
            return new Result(new RecordedRun(r, s), "");
        } catch (ScenarioException e) {
            return new Result(null, "its scenario file does not load here (" + e.errors().size() + " problem(s): "
                    + e.first() + ")");
        }
    }

    /** A recorded run, or (run null) why there is none. */
    record Result(RecordedRun run, String whyNot) {
    }

    Recording recording() {
        return recording;
    }

    Scenario scenario() {
        return scenario;
    }

    /** How many steps the recording ran (its moments are set-up, then after each of these). */
    int stepsRecorded() {
        return Math.min(marks.size() - 1, reports.size());
    }

    /** The run as the view-model's frame work reads it, under {@code generation}. */
    SessionRunner.RunState state(long generation) {
        return new SessionRunner.RunState(generation, trace, reports, marks, stepsRecorded(), names);
    }

    /** The recorded reveal: the letters as decided when saved, and the evidence from the recorded reports. */
    Optional<Verdict> verdict() {
        RecordedReveal rr = recording.header().reveal();
        return scenario.question().map(q -> Verdict.of(q, new ScenarioSession.Answer(rr.letters(), rr.unsettled(),
                StepRecords.outcomes(scenario, recording.header().steps())), reports, marks, trace, this::slot));
    }

    /** The recorded answer in words ({@code The kernel's answer: B}, or why there was none when saved). */
    String sentence() {
        return recording.header().reveal().sentence() + " (decided when the run was recorded, on "
                + recording.header().kernel() + ")";
    }

    private Slot slot(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(Slot::process).thenComparingInt(Slot::fd)).findFirst().orElse(null);
    }
}
