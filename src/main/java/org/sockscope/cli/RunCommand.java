package org.sockscope.cli;

import org.sockscope.lab.LabException;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioError;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.StepReport;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sockscope run <scenario.yaml|name> [--check]}: runs a scenario headless on real sockets
 * and prints a transcript. Exit codes: 0 ok, 1 an expectation failed (with --check), 2 bad input.
 */
public final class RunCommand {
    private RunCommand() {
    }

    /** Usage text. */
    static final String USAGE = """
            usage: sockscope run <scenario.yaml | bundled name> [--check]
                   sockscope list
              run      runs the scenario on real loopback sockets and prints each call, its result and the buffers
              --check  exit with status 1 when an expectation in the scenario was not met
              list     lists the bundled scenarios""";

    /** Runs the command line {@code args} (without the leading "run"); returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean check = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--check")) {
                check = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-")) {
                err.println("sockscope run: unknown option " + a + "\n" + USAGE);
                return 2;
            } else {
                names.add(a);
            }
        }
        if (names.size() != 1) {
            err.println("sockscope run: name exactly one scenario file or bundled name\n" + USAGE);
            return 2;
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.open(names.getFirst());
        } catch (ScenarioException e) {
            for (ScenarioError error : e.errors()) {
                err.println(error);
            }
            return 2;
        }
        return execute(scenario, check, out, err);
    }

    static int execute(Scenario scenario, boolean check, PrintStream out, PrintStream err) {
        Transcript t = new Transcript(out);
        t.header(scenario);
        try (ScenarioSession session = new ScenarioSession(scenario)) {
            Set<Integer> pending = new HashSet<>();
            while (!session.done()) {
                StepReport r = session.step();
                // Returns the kernel delivered before this step's call started come first.
                reportLate(session, pending, t, r.startedSeq());
                t.step(r, session.trace().latest());
                reportLate(session, pending, t, Long.MAX_VALUE);
                if (r.pending()) {
                    pending.add(r.step().index());
                }
            }
            ScenarioSession.Answer answer = session.answer(ScenarioSession.ANSWER_WAIT);
            session.settle(Duration.ofSeconds(2));
            reportLate(session, pending, t, Long.MAX_VALUE);
            List<StepReport> reports = session.reports();
            scenario.question().ifPresent(q -> t.question(q, answer));
            t.expectations(reports);
            t.footnote();
            boolean failed = reports.stream().anyMatch(r -> !r.unmet().isEmpty());
            return check && failed ? 1 : 0;
        } catch (LabException e) {
            err.println(scenario.source() + ": set-up failed: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println(scenario.source() + ": " + e.getMessage());
            return 2;
        }
    }

    /** Prints the pending steps that have returned before trace index {@code before}, in the order the kernel returned them. */
    private static void reportLate(ScenarioSession session, Set<Integer> pending, Transcript t, long before) {
        session.reports().stream()
                .filter(r -> pending.contains(r.step().index()) && !r.pending() && r.returnedSeq() < before)
                .sorted(java.util.Comparator.comparingLong(StepReport::returnedSeq))
                .forEach(r -> {
                    t.late(r);
                    pending.remove(r.step().index());
                });
    }

    /** Prints the bundled scenarios. */
    static int list(PrintStream out) {
        for (String name : ScenarioLoader.bundled()) {
            out.println(name);
        }
        return 0;
    }
}
