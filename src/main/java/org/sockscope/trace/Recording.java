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

    /** True for a scenario's run, false for the playground's. */
    public boolean scenario() {
        return RecordingHeader.SCENARIO.equals(header.mode());
    }
}
