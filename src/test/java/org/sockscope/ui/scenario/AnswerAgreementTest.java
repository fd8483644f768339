package org.sockscope.ui.scenario;

import org.junit.jupiter.api.Test;
import org.sockscope.cli.RunCommand;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The app's reveal (run up to the question's last deciding step, reveal at once, as a class would)
 * and the command line (run every step, then answer) name the same letters, every time.
 * {@code -Dagreement.runs=20} repeats it more often (the stress run in the notes).
 */
// The two decision paths on one world kind, threads (quicker to start): every bundled scenario runs
// on real processes in BundledScenariosRunTest.
@org.junit.jupiter.api.extension.ExtendWith(org.sockscope.testing.ThreadActors.class)
class AnswerAgreementTest {
    private static final int RUNS = Integer.getInteger("agreement.runs", 2);

    @Test
    void appAndCommandLineAgreeOnEveryBundledQuestion() throws Exception {
        List<String> report = new ArrayList<>();
        int compared = 0;
        for (String name : ScenarioLoader.bundled()) {
            Scenario sc = ScenarioLoader.loadBundled(name);
            // A scenario that spawns a process needs real processes (four child JVMs a run): the same
            // decision path runs it in BundledScenariosRunTest, which checks its expectations.
            if (sc.question().isEmpty() || org.sockscope.scenario.ScenarioSession.needsProcesses(sc)) {
                continue;
            }
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                seen.add("app " + appAnswer(sc));
                seen.add("cli " + cliAnswer(name));
                compared += 2;
            }
            List<String> letters = seen.stream().map(x -> x.substring(4)).distinct().toList();
            report.add(name + ": " + letters);
            assertEquals(1, letters.size(), name + " gave different answers: " + seen);
            assertFalse(letters.getFirst().isBlank(), name + " gave no answer: " + seen);
        }
        System.out.println("answer agreement, " + RUNS + " runs each (app + cli), " + compared + " answers: " + report);
    }

    /** The app's path: SessionRunner runs the steps up to the reveal and asks the session. */
    private static String appAnswer(Scenario sc) throws Exception {
        SessionRunner runner = new SessionRunner(Runnable::run);
        try {
            CompletableFuture<String> letters = new CompletableFuture<>();
            SessionRunner.Listener l = new SessionRunner.Listener() {
                public void progress(SessionRunner.RunState s) {
                }

                public void finished() {
                }

                public void failed(String message) {
                    letters.complete("failed: " + message);
                }
            };
            long gen = runner.open(sc, 0, l);
            runner.reveal(gen, sc.revealAfterIndex().orElse(sc.steps().size() - 1) + 1, l, steps -> { },
                    v -> letters.complete(v == null ? "no verdict" : String.join(",", v.letters())));
            return letters.get(30, TimeUnit.SECONDS);
        } finally {
            runner.close(2000);
        }
    }

    private static String cliAnswer(String name) throws ScenarioException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunCommand.run(List.of(name), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String text = out.toString(StandardCharsets.UTF_8);
        return text.lines().filter(line -> line.startsWith("Answer from the kernel: ")).findFirst()
                .map(line -> line.substring("Answer from the kernel: ".length()).replace(" ", "")).orElse("none:\n" + text);
    }
}
