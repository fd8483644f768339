package org.sockscope.trace;

import org.sockscope.kernel.Host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Where, when and how a recording was made; every figure in it was read on the recording machine.
 *
 * @param sockscopeVersion   the SockScope that recorded it
 * @param kernel             the kernel that answered the calls ({@code Linux 6.18.0-…}, {@code uname -r})
 * @param arch               its architecture ({@code amd64})
 * @param cpus               CPUs the recording process could use
 * @param recordedAt         when the recording was saved (ISO-8601, UTC)
 * @param samplerPeriodNanos the kernel sampler's period (0: not known)
 * @param mode               {@code playground} or {@code scenario}
 * @param scenario           the scenario's source (a file path or {@code assets/scenarios/….yaml}), empty for the playground
 * @param scenarioText       the scenario file itself, empty for the playground
 * @param droppedEvents      events the live trace had dropped before the first one recorded (it keeps its newest only)
 * @param stepEnds           for a scenario: the index (in the recorded trace) of the last event of its set-up, then
 *                           of each step run, in order; empty for the playground
 * @param reveal             for a scenario with a question: its answer and evidence as decided when saved
 * @param pid                SockScope's own process when it recorded (whose threads the thread actors were)
 * @param steps              for a scenario: each step run as its session reported it, and the scenario's names of the
 *                           descriptors (what the scenario view shows on replay); empty in recordings made before them
 */
public record RecordingHeader(String sockscopeVersion, String kernel, String arch, int cpus, String recordedAt,
                              long samplerPeriodNanos, String mode, String scenario, String scenarioText,
                              long droppedEvents, java.util.List<Long> stepEnds, RecordedReveal reveal, long pid,
                              RecordedSteps steps) {
    /** {@link #mode()} of a playground run. */
    public static final String PLAYGROUND = "playground";
    /** {@link #mode()} of a scenario run. */
    public static final String SCENARIO = "scenario";

    public RecordingHeader {
        scenario = scenario == null ? "" : scenario;
        scenarioText = scenarioText == null ? "" : scenarioText;
        stepEnds = stepEnds == null ? java.util.List.of() : java.util.List.copyOf(stepEnds);
        reveal = reveal == null ? RecordedReveal.NONE : reveal;
        steps = steps == null ? RecordedSteps.NONE : steps;
    }

    /** A header without recorded steps (a playground run; a scenario run as SockScope saved it before). */
    public RecordingHeader(String sockscopeVersion, String kernel, String arch, int cpus, String recordedAt,
                           long samplerPeriodNanos, String mode, String scenario, String scenarioText,
                           long droppedEvents, java.util.List<Long> stepEnds, RecordedReveal reveal, long pid) {
        this(sockscopeVersion, kernel, arch, cpus, recordedAt, samplerPeriodNanos, mode, scenario, scenarioText,
                droppedEvents, stepEnds, reveal, pid, RecordedSteps.NONE);
    }

    /** The same header with {@code s} as its recorded steps. */
    public RecordingHeader withSteps(RecordedSteps s) {
        return new RecordingHeader(sockscopeVersion, kernel, arch, cpus, recordedAt, samplerPeriodNanos, mode, scenario,
                scenarioText, droppedEvents, stepEnds, reveal, pid, s);
    }

    /** A header for a playground run recorded on this machine now. */
    public static RecordingHeader playground(Trace trace, long samplerPeriodNanos) {
        return here(trace, samplerPeriodNanos, PLAYGROUND, "", "", java.util.List.of(), RecordedReveal.NONE);
    }

    /**
     * A header for a run of the scenario read from {@code source} (a file, or a bundled resource path) on
     * this machine now; {@code stepEnds} are indexes in {@code trace} (see {@link #stepEnds()}).
     */
    public static RecordingHeader scenario(Trace trace, long samplerPeriodNanos, String source, java.util.List<Long> stepEnds,
                                           RecordedReveal reveal) throws IOException {
        return here(trace, samplerPeriodNanos, SCENARIO, source, textOf(source), stepEnds, reveal);
    }

    private static RecordingHeader here(Trace trace, long samplerPeriodNanos, String mode, String scenario, String text,
                                        java.util.List<Long> stepEnds, RecordedReveal reveal) {
        long dropped = trace.firstIndex(); // the recording's events are counted from the first one kept
        return new RecordingHeader(thisVersion(), Host.kernel(), Host.arch(), Host.cpus(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), samplerPeriodNanos, mode, scenario, text,
                dropped, stepEnds.stream().map(i -> Math.max(-1, i - dropped)).toList(), reveal, ProcessHandle.current().pid(),
                RecordedSteps.NONE);
    }

    /** This SockScope's version (from the build), {@code unknown} when the build did not say. */
    public static String thisVersion() {
        try (InputStream in = RecordingHeader.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The text of a scenario file, or of the bundled one SockScope names {@code assets/scenarios/….yaml}. */
    public static String textOf(String source) throws IOException {
        Path p = Path.of(source);
        if (Files.isRegularFile(p)) {
            return Files.readString(p, StandardCharsets.UTF_8);
        }
        try (InputStream in = RecordingHeader.class.getResourceAsStream("/" + source)) {
            if (in == null) {
                throw new IOException("the scenario " + source + " is neither a file nor bundled");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code Linux 6.18.0-… (amd64, 2 CPUs), 2026-12-04T01:23:45Z}: where and when, for the REPLAY badge. */
    public String where() {
        return kernel + " (" + arch + ", " + cpus + " CPU" + (cpus == 1 ? "" : "s") + "), " + recordedAt;
    }
}
