package org.sockscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockscope.scenario.ScenarioLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bundled scenario runs on real sockets and meets its own expectations, as `run --check` does. */
class BundledScenariosRunTest {

    static Stream<String> bundled() {
        return ScenarioLoader.bundled().stream();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void bundledScenarioPassesCheck(String name) {
        Run r = run(name, "--check");
        assertEquals(0, r.status(), () -> "run " + name + " --check\n" + r.out() + r.err());
        assertTrue(r.out().contains(" 0 failed"), r.out());
        assertFalse(r.out().contains("EXPECTATION FAILED"), r.out());
    }

    @Test
    void bundledListHasTheLecturesScenarios() {
        assertTrue(ScenarioLoader.bundled().size() >= 10);
    }

    @Test
    void failedExpectationGivesStatusOneWithCheckOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("wrong.yaml");
        Files.writeString(f, SendRecvScenario.text("A wrong prediction", 200));
        Run checked = run(f.toString(), "--check");
        assertEquals(1, checked.status(), checked.out() + checked.err());
        assertTrue(checked.out().contains("EXPECTATION FAILED at step 2 (line 12)"), checked.out());
        assertTrue(checked.out().contains("returned 100 of 200 asked"), checked.out());
        assertEquals(0, run(f.toString()).status(), "without --check a failed expectation is reported, not an error");
    }

    @Test
    void badFileGivesStatusTwoAndALocatedError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                title: Bad
                slide: recv()
                setup:
                  processes: [a]
                steps:
                  - process: a
                    call: recvv(x, r_buf, 200, 0)
                    say: typo
                """);
        Run r = run(f.toString(), "--check");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.yaml:7:"), r.err());
        assertTrue(r.err().contains("recvv"), r.err());
    }

    @Test
    void usageErrorsAreStatusTwo() {
        assertEquals(2, run().status());
        assertEquals(2, run("a", "b").status());
        assertEquals(2, run("--frobnicate", "x").status());
        assertEquals(2, run("no_such_scenario").status());
    }
}
