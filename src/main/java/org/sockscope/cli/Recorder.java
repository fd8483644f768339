package org.sockscope.cli;

import org.sockscope.scenario.ScenarioSession;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code run --record FILE}: checks the place before the run, saves the session's recording after it. */
final class Recorder {
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

    /** Saves {@code s}'s run (header and whole trace) to {@code file}; false after one line on {@code err} says why not. */
    static boolean save(ScenarioSession s, Path file, PrintStream out, PrintStream err) {
        Recording r;
        try {
            Trace t = s.trace();
            r = new Recording(RecordingHeader.scenario(t, s.world().samplerPeriodNanos(), s.scenario().source()), t).frozen();
            RecordingFile.write(r, file);
        } catch (IOException e) {
            err.println("sockscope run: cannot save the recording " + file + ": " + e.getMessage());
            return false;
        }
        out.println("Recorded " + r.trace().size() + " events to " + file + " (replay it anywhere: sockscope --replay " + file + ")");
        return true;
    }
}
