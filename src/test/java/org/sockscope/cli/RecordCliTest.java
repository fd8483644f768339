package org.sockscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run NAME --record FILE} saves the run it printed; {@code --replay FILE} hands a readable recording to the window. */
class RecordCliTest {
    private record Result(int status, String out, String err, List<Cli.WindowOptions> windows) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Cli.WindowOptions> windows = new ArrayList<>();
        int status = Cli.main(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DISPLAY", ":99"), o -> {
                    windows.add(o);
                    return 0;
                });
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), windows);
    }

    /** Runs a bundled scenario on real sockets and records it to {@code file}; the recording as read back. */
    static Recording record(String scenario, Path file) throws Exception {
        Result r = cli("run", scenario, "--record", file.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        Recording back = RecordingFile.read(file);
        assertEquals("Recorded " + back.trace().size() + " events to " + file + " (replay it anywhere: sockscope --replay "
                + file + ")", r.out().lines().toList().getLast());
        return back;
    }

    @Test
    void runRecordSavesTheScenarioAndItsWholeTrace(@TempDir Path dir) throws Exception {
        Recording rec = record("03_recv_empty_vs_100", dir.resolve("run.sockscope"));
        RecordingHeader h = rec.header();
        assertTrue(rec.scenario());
        assertEquals("assets/scenarios/03_recv_empty_vs_100.yaml", h.scenario());
        try (InputStream in = RecordCliTest.class.getResourceAsStream("/assets/scenarios/03_recv_empty_vs_100.yaml")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), h.scenarioText(), "the scenario file itself");
        }
        assertTrue(h.samplerPeriodNanos() > 0, "the sampler's period");
        assertEquals(0, h.droppedEvents());
        int steps = org.sockscope.scenario.ScenarioLoader.loadBundled("03_recv_empty_vs_100").steps().size();
        assertEquals(steps + 1, h.stepEnds().size(), "where the set-up and each step ended");
        for (int i = 1; i < h.stepEnds().size(); i++) {
            assertTrue(h.stepEnds().get(i) > h.stepEnds().get(i - 1), h.stepEnds().toString());
            long end = h.stepEnds().get(i);
            assertTrue(rec.trace().events().stream().filter(e -> e.seq() <= end
                    && e instanceof org.sockscope.trace.Event.CallStarted).count() >= i, "step " + i + " started by its end");
        }
        assertTrue(rec.trace().events().stream().anyMatch(e -> e instanceof org.sockscope.trace.Event.CallReturned));
        // Each step as its session reported it, for the scenario view's replay.
        assertEquals(steps, h.steps().steps().size(), "a report per step");
        for (var e : h.steps().steps()) {
            long calls = rec.trace().events().stream().filter(ev -> ev instanceof org.sockscope.trace.Event.CallStarted c
                    && c.callId() == e.callId() && ev.seq() == e.startedSeq()).count();
            assertEquals(1, calls, "step " + (e.index() + 1) + "'s call is the recorded one at its recorded index");
        }
        assertTrue(h.steps().names().stream().anyMatch(n -> n.name().equals("empty.client")), h.steps().names().toString());
    }

    @Test
    void compareRecordingSaysWhereThisKernelDiffersFromTheBundledRecording() {
        Result r = cli("run", "03_recv_empty_vs_100", "--compare-recording");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("Compared with the recording made on Linux ")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out())));
        List<String> rest = lines.subList(at + 1, lines.size());
        assertTrue(rest.equals(List.of("No difference: every step returned the same, blocked or not the same, and read the same figures."))
                || !rest.isEmpty() && rest.stream().allMatch(l -> l.matches("  Step \\d+ · \\S+ · .+: recorded .+, now .+")), rest.toString());
    }

    @Test
    void exportWritesChromeTraceJsonAndStraceTextOfARecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.sockscope");
        Recording rec = record("04b_send_nonblocking", file);
        Path json = dir.resolve("run.json");
        Path text = dir.resolve("run.strace");
        Result r = cli("export", file.toString(), "--chrome", json.toString(), "--strace", text.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(org.sockscope.trace.ChromeTrace.of(rec), Files.readString(json));
        assertEquals(org.sockscope.trace.StraceText.of(rec), Files.readString(text));
        assertTrue(Files.readString(text).contains("EAGAIN"), "the non-blocking send's -1 EAGAIN");
        assertEquals(List.of("Wrote " + json + ": Chrome Trace Event JSON of " + rec.trace().size()
                + " events (open it in ui.perfetto.dev)", "Wrote " + text + ": the calls as strace prints them"), r.out().lines().toList());

        r = cli("export", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("say what to write"), r.err());
        r = cli("export", dir.resolve("none.sockscope").toString(), "--strace", "-");
        assertEquals(List.of("sockscope export: " + dir.resolve("none.sockscope") + ": no such file"), r.err().lines().toList());
    }

    @Test
    void aPlaceThatCannotHoldTheRecordingIsRefusedBeforeTheRun(@TempDir Path dir) {
        Result r = cli("run", "01_pipe_ipc", "--record", dir.resolve("no/such/folder/run.sockscope").toString());
        assertEquals(2, r.status());
        assertEquals("", r.out(), "no run");
        assertEquals(List.of("sockscope run: cannot record to " + dir.resolve("no/such/folder/run.sockscope")
                + ": the folder " + dir.resolve("no/such/folder") + " does not exist"), r.err().lines().toList());
    }

    @Test
    void replayHandsAReadableRecordingToTheWindowAndRefusesABadOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.sockscope");
        record("01_pipe_ipc", good);
        Result r = cli("--replay", good.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(new Cli.WindowOptions(null, 0, null, good)), r.windows());

        Path bad = dir.resolve("bad.sockscope");
        Files.writeString(bad, "not a recording");
        r = cli("--replay", bad.toString());
        assertEquals(2, r.status());
        assertEquals(List.of(), r.windows(), "no window for a bad file");
        assertEquals(List.of("sockscope: " + bad + ": not a SockScope recording (it is not gzip-compressed; SockScope saves"
                + " recordings as .sockscope files)"), r.err().lines().toList());

        r = cli("--replay", good.toString(), "--scenario", "01_pipe_ipc");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("give one"), r.err());
    }
}
