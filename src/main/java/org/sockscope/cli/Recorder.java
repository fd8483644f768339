package org.sockscope.cli;

import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.RecordedReveal;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scenario session's recording: {@code run --record FILE} checks the place before the run and saves it after; the window saves one too. */
public final class Recorder {
    private Recorder() {
    }

    /** Why no recording can be saved at {@code file}, or empty; asked before the run, so no run is wasted. */
    static Optional<String> unwritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            return Optional.of("cannot record to " + file + ": it is a folder (name a file, e.g. run" + RecordingFile.EXTENSION + ")");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of("cannot record to " + file + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("cannot record to " + file + ": the folder " + dir + " is not writable");
        }
        return Optional.empty();
    }

    /**
     * {@code s}'s run as a recording made now (its trace still live: {@link Recording#frozen()} it to
     * write it): the scenario file, and where its set-up and each step run ended in the trace.
     */
    public static Recording of(ScenarioSession s) throws IOException {
        Trace t = s.trace();
        List<StepReport> reports = s.reports();
        List<Long> ends = new ArrayList<>();
        // The set-up ends right before step 1's call started (or, before any step, at the newest event).
        ends.add(reports.isEmpty() || reports.getFirst().startedSeq() < 0 ? t.size() - 1L : reports.getFirst().startedSeq() - 1);
        for (int i = 0; i < s.nextIndex(); i++) {
            ends.add(s.traceIndexAfter(i));
        }
        RecordingHeader h = RecordingHeader.scenario(t, s.world().samplerPeriodNanos(), s.scenario().source(), ends,
                reveal(s, reports));
        // The steps as reported now, so a replay shows them in the scenario view as they were.
        return new Recording(h.withSteps(org.sockscope.scenario.StepRecords.of(s, h.droppedEvents())), t);
    }

    /** The question's answer now, by the live reveal's code (from settled outcomes, without waiting), and each step's outcome. */
    private static RecordedReveal reveal(ScenarioSession s, List<StepReport> reports) {
        if (s.scenario().question().isEmpty()) {
            return RecordedReveal.NONE;
        }
        ScenarioSession.Answer a = s.answer(java.time.Duration.ZERO);
        return new RecordedReveal(a.letters(), a.unsettled(), reports.stream()
                .map(r -> "Step " + (r.step().index() + 1) + " · " + r.step().process() + " · " + r.callText() + ": " + r.describe())
                .toList());
    }

    /** Saves {@code s}'s run (header and whole trace) to {@code file}; false after one line on {@code err} says why not. */
    static boolean save(ScenarioSession s, Path file, PrintStream out, PrintStream err) {
        Recording r;
        try {
            r = of(s).frozen();
            RecordingFile.write(r, file);
        } catch (IOException e) {
            err.println("sockscope run: cannot save the recording " + file + ": " + e.getMessage());
            return false;
        }
        out.println("Recorded " + r.trace().size() + " events to " + file + " (replay it anywhere: sockscope --replay " + file + ")");
        return true;
    }
}
