package org.sockscope.trace;

import java.util.Objects;

/**
 * A saved run: the header (where, when, what) and the whole trace, which holds everything the
 * screen showed. Saved and opened by {@link RecordingFile}.
 */
public record Recording(RecordingHeader header, Trace trace) {
    public Recording {
        Objects.requireNonNull(header);
        Objects.requireNonNull(trace);
    }

    /** The same recording with its trace's events as they are now (a live trace goes on growing). */
    public Recording frozen() {
        return new Recording(header, Trace.of(trace.events()));
    }

    /** True for a scenario's run, false for the playground's. */
    public boolean scenario() {
        return RecordingHeader.SCENARIO.equals(header.mode());
    }
}
