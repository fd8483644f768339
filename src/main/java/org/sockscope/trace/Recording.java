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

    /** {@code REPLAY · recorded on Linux 6.18.0-… (amd64, 2 CPUs), 2026-12-04T01:23:45Z}. */
    public String badgeText() {
        return "REPLAY · recorded on " + header.where();
    }

    /** What the REPLAY badge's tooltip says: nothing runs now, and where every figure comes from. */
    public String badgeDetail() {
        RecordingHeader h = header;
        String rate = h.samplerPeriodNanos() > 0
                ? String.format(java.util.Locale.ROOT, ", its sampler reading the kernel every %.1f ms", h.samplerPeriodNanos() / 1e6) : "";
        String dropped = h.droppedEvents() > 0 ? " The live trace had already dropped its first " + h.droppedEvents()
                + " events when it was saved: the recording starts after them." : "";
        return "A recording, not a live run: nothing runs now and no socket is open. Every figure shown is what the kernel "
                + h.kernel() + " on " + h.arch() + " reported when SockScope " + h.sockscopeVersion() + " recorded this "
                + (scenario() ? "scenario (" + h.scenario() + ")" : "playground run") + " on " + h.recordedAt()
                + rate + "." + dropped;
    }

    /** True for a scenario's run, false for the playground's. */
    public boolean scenario() {
        return RecordingHeader.SCENARIO.equals(header.mode());
    }
}
