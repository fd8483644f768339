package org.sockscope.cli;

import org.sockscope.kernel.Host;
import org.sockscope.scenario.RecordingComparison;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.StepRecords;
import org.sockscope.trace.BundledRecordings;
import org.sockscope.trace.Recording;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "Compare with the recording": where this kernel did otherwise than the one that made the bundled
 * recording of a scenario ({@code run NAME --compare-recording}, and the scenario mode's menu item).
 */
public final class Compare {
    private Compare() {
    }

    /**
     * The comparison of {@code s}'s run so far with the bundled recording of its scenario, as text: a
     * line naming both kernels, then each difference as recorded vs now. Throws with a sentence when
     * there is no recording to compare with.
     */
    public static String text(ScenarioSession s) throws IOException {
        String file = Path.of(s.scenario().source()).getFileName().toString();
        Optional<Recording> r = BundledRecordings.of(file);
        if (r.isEmpty() || !r.get().header().steps().recorded()) {
            throw new IOException("no recording of " + file + " ships with SockScope to compare with (bundled scenarios have one: "
                    + "'sockscope list')");
        }
        var h = r.get().header();
        String changed = h.scenarioText().equals(org.sockscope.trace.RecordingHeader.textOf(s.scenario().source())) ? ""
                : "Note: the scenario file differs from the one recorded (" + BundledRecordings.DIR + BundledRecordings.fileName(file)
                        + "; regenerate: " + BundledRecordings.REGENERATE + "), so its steps may not be the same."
                        + System.lineSeparator();
        return changed + RecordingComparison.report(RecordingComparison.compare(s.scenario(), h.steps(), StepRecords.of(s, 0)),
                h.kernel(), h.recordedAt(), Host.kernel());
    }

    /** Prints {@link #text} for {@code s} on {@code out}; false after one line on {@code err} says why there is none. */
    static boolean print(ScenarioSession s, PrintStream out, PrintStream err) {
        try {
            out.println();
            out.print(text(s));
            return true;
        } catch (IOException e) {
            err.println("sockscope run: cannot compare: " + e.getMessage());
            return false;
        }
    }
}
