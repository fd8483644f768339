package org.sockscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a user meets it: usage errors are one line and status 2, a missing file says
 * "file not found" and where it looked, help lists every command and option, {@code list} gives
 * ids and titles. The window is a recorder here: these cases must never reach it.
 */
class CliTest {
    private record Result(int status, String out, String err, List<Cli.WindowOptions> windows) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static final Map<String, String> WITH_DISPLAY = Map.of("DISPLAY", ":99");

    private static Result cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Cli.WindowOptions> windows = new ArrayList<>();
        int status = Cli.main(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, o -> {
                    windows.add(o);
                    return 0;
                });
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), windows);
    }

    private static Result cli(String... args) {
        return cli(WITH_DISPLAY, args);
    }

    private static void oneLineStatusTwo(Result r, String... parts) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.errLines().size(), "one line: " + r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), () -> "'" + p + "' in: " + r.err());
        }
        assertEquals("", r.out());
        assertEquals(List.of(), r.windows(), "no window for bad input");
    }

    @Test
    void badValuesAndUnknownWordsAreOneLineErrors() {
        oneLineStatusTwo(cli("--step", "abc"), "sockscope: ", "'--step'", "'abc' is not an int", "sockscope --help");
        oneLineStatusTwo(cli("--scenario", "01_pipe_ipc", "--step", "-1"), "below 0");
        oneLineStatusTwo(cli("--step", "2"), "--step needs --scenario");
        oneLineStatusTwo(cli("--scenario", "01_pipe_ipc", "--reveal", "AB"), "'AB' is not a choice letter");
        oneLineStatusTwo(cli("frob"), "unknown command 'frob' (commands: run, check, list, lab, export, record-bundled, help)");
        oneLineStatusTwo(cli("--frob"), "Unknown option: '--frob'");
        oneLineStatusTwo(cli("run", "01_pipe_ipc", "--chek"), "sockscope run: ", "did you mean --check?");
        oneLineStatusTwo(cli("run", "01_pipe_ipc", "--step", "abc"), "sockscope run: ", "'--step'");
        oneLineStatusTwo(cli("run"), "Missing required parameter: 'SCENARIO'");
        oneLineStatusTwo(cli("run", "a", "b"), "'b'");
    }

    @Test
    void aMissingFileSaysFileNotFoundAndWhereItLooked() {
        Result r = cli("run", "some-missing-file.yaml");
        oneLineStatusTwo(r, "sockscope run: file not found: some-missing-file.yaml (looked at "
                + Path.of("some-missing-file.yaml").toAbsolutePath() + ", and no bundled scenario has that name)");
        oneLineStatusTwo(cli("run", "06_recv_lop"), "did you mean 06_recv_loop?");
        oneLineStatusTwo(cli("--scenario", "nope.yaml"), "sockscope: file not found: nope.yaml");
        oneLineStatusTwo(cli("check", "no-such-folder"), "sockscope check: file not found: no-such-folder");
    }

    @Test
    void noDisplayOnLinuxIsOneReasonThatSaysHowToRunHeadless() {
        // The launch itself without DISPLAY is NoLiveCliTest's (these tests run with glass.platform=Monocle).
        String reason = Display.missing(Map.of(), "Linux", null).orElseThrow();
        assertEquals(1, reason.lines().count());
        assertTrue(reason.contains("DISPLAY and WAYLAND_DISPLAY are not set") && reason.contains("sockscope run NAME")
                && reason.contains("xvfb-run"), reason);
        assertTrue(Display.missing(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).isEmpty());
        assertTrue(Display.missing(Map.of("DISPLAY", ":0"), "Linux", null).isEmpty());
        assertTrue(Display.missing(Map.of(), "Linux", "Monocle").isEmpty(), "headless JavaFX needs no display");
        assertTrue(Display.missing(Map.of(), "Mac OS X", null).isEmpty());
    }

    @Test
    void windowOptionsReachTheWindow() {
        Result r = cli("--scenario", "03_recv_empty_vs_100", "--step", "3", "--reveal", "b");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(new Cli.WindowOptions("03_recv_empty_vs_100", 3, "b")), r.windows());
    }

    @Test
    void helpListsEveryCommandAndEveryOption() {
        Result r = cli("--help");
        assertEquals(0, r.status(), r.err());
        var top = Cli.commandLine(System.out, System.err, Map.of(), o -> 0);
        List<String> missing = new ArrayList<>();
        top.getCommandSpec().options().forEach(o -> {
            if (!r.out().contains(o.longestName())) {
                missing.add(o.longestName());
            }
        });
        top.getSubcommands().forEach((name, sub) -> {
            if (!r.out().contains("sockscope " + name)) {
                missing.add(name);
            }
            sub.getCommandSpec().options().forEach(o -> {
                if (!r.out().contains(o.longestName())) {
                    missing.add(name + " " + o.longestName());
                }
            });
        });
        assertEquals(List.of(), missing, r.out());
        assertTrue(top.getSubcommands().keySet().containsAll(List.of("run", "list", "check", "help")));
        assertEquals(List.of(), r.windows());
    }

    @Test
    void listPrintsIdAndTitle() {
        Result r = cli("list");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("01_pipe_ipc +Pipe IPC: write\\(\\) and read\\(\\) through a real pipe")), r.out());
        assertEquals(org.sockscope.scenario.ScenarioLoader.bundled().size(),
                r.out().lines().filter(l -> l.matches("\\d\\d[a-z]?_\\w+  +\\S.*")).count(), r.out());
    }

    @Test
    void checkRunsEveryScenarioOfAFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a_right.yaml"), SendRecvScenario.text("Right", 100));
        Files.writeString(dir.resolve("b_wrong.yaml"), SendRecvScenario.text("Wrong", 200));
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");
        Result r = cli("check", dir.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("ok    " + dir.resolve("a_right.yaml") + "  (2 of 2 expectations met)", lines.get(0));
        assertEquals("FAIL  " + dir.resolve("b_wrong.yaml") + "  (1 of 2 expectations met)", lines.get(1));
        assertTrue(lines.get(2).startsWith("      EXPECTATION FAILED at step 2 (line 12)"), r.out());
        assertEquals("2 scenarios: 1 met every expectation, 1 failed one, 0 could not run", lines.getLast());

        Files.writeString(dir.resolve("c_bad.yaml"), "title: [unclosed\n");
        Result bad = cli("check", dir.toString());
        assertEquals(2, bad.status(), bad.out());
        assertTrue(bad.out().contains("BAD   " + dir.resolve("c_bad.yaml")), bad.out());
        assertTrue(bad.out().contains("      " + dir.resolve("c_bad.yaml") + ":"), bad.out());
    }

    @Test
    void aTimingBandThatFailsSaysExpectedAndActualInTheTranscript(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("band.yaml");
        Files.writeString(file, org.sockscope.scenario.WokenRecvScenario.text("{at_most_ms: 20}", 100_000));
        Result r = cli("run", file.toString(), "--check");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("EXPECTATION FAILED at step 1 (line 8): [blocks at_most_ms 20: expected to block for at most"
                + " 20 ms, actual: blocked for "), r.out());
        assertTrue(r.out().contains("(the call's own wall-clock measurement"), r.out());
    }

    @Test
    void labRefusesAMissingOrUnknownModelInOneLine() {
        Result none = cli("lab");
        assertEquals(Cli.BAD_INPUT, none.status(), none.err());
        assertTrue(none.err().startsWith("sockscope lab: give --model NAME or --compare (models: iterative,"), none.err());
        Result unknown = cli("lab", "--model", "forking");
        assertEquals(Cli.BAD_INPUT, unknown.status(), unknown.err());
        assertEquals("sockscope lab: no model 'forking': iterative, thread-per-connection, process-per-connection, work-queue, busy-polling, select, pool-of-loops, poll, epoll, pool-of-epoll-loops", unknown.err().strip());
        Result tooMany = cli("lab", "--model", "select", "--clients", "20000");
        assertEquals("sockscope lab: clients is 20000, outside 1..10000", tooMany.err().strip());
    }

    @Test
    void labRunsAModelAndPrintsItsFiguresWithTheirSources() {
        Result r = cli("lab", "--model", "select", "--clients", "3", "--requests", "2", "--size", "500");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("| requests served | 6 of 6 | derived: count of exchanges completed |"), r.out());
        assertTrue(r.out().startsWith("Model: select\n    while (1) {"), "the loop as the lecture writes it: " + r.out());
        assertTrue(r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| figure")).allMatch(
                l -> l.matches(".*\\| (derived|kernel|syscall): [^|]+ \\|$")), "every figure says where it came from: " + r.out());
    }

    @Test
    void labWritesTheTableAsCsvToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lab.csv");
        Result r = cli("lab", "--model", "iterative", "--clients", "2", "--requests", "1", "--csv", file.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals("figure,iterative,source", lines.getFirst());
        assertTrue(lines.contains("requests served,2 of 2,derived: count of exchanges completed"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("server errors,none,")), "a value with no comma stays bare: " + lines);
    }
}
