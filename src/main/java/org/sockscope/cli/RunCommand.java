package org.sockscope.cli;

import org.sockscope.lab.LabException;
import org.sockscope.posix.LiveSupport;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioError;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.StepReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sockscope run <scenario.yaml|name> [--check] [--record FILE]}: runs a scenario headless on real sockets
 * and prints a transcript. Exit codes: 0 ok, 1 an expectation failed (with --check), 2 bad input.
 */
@Command(name = "run", usageHelpAutoWidth = true,
        description = "Run a scenario on real loopback sockets; print each call, what the kernel returned, and the buffers.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--check", description = "Exit with status 1 when an expectation in the scenario was not met.")
    private boolean check;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Save the run as a recording (header and whole trace, gzip) that 'sockscope --replay FILE' opens anywhere.")
    private Path record;

    @Option(names = "--compare-recording",
            description = "After the run, show where this kernel did otherwise than the recording of the scenario that ships with"
                    + " SockScope (per step: return value, errno, blocked or not, the figures its expectations name).")
    private boolean compare;

    @Parameters(paramLabel = "SCENARIO", description = "A scenario YAML file, or a bundled name ('sockscope list').")
    private String scenario;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line {@code args} (without the leading "run"); returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> all = new ArrayList<>();
        all.add("run");
        all.addAll(args);
        return Cli.main(all.toArray(String[]::new), out, err, Map.of(), o -> Cli.BAD_INPUT);
    }

    @Override
    public Integer call() {
        if (!live("sockscope run", err)) {
            return Cli.BAD_INPUT;
        }
        Optional<Scenario> loaded = open(scenario, "sockscope run", err);
        if (loaded.isEmpty()) {
            return Cli.BAD_INPUT;
        }
        Optional<String> unwritable = record == null ? Optional.empty() : Recorder.unwritable(record);
        if (unwritable.isPresent()) {
            err.println("sockscope run: " + unwritable.get());
            return Cli.BAD_INPUT;
        }
        try {
            Optional<Tally> tally = transcript(loaded.get(), record, compare, out, err);
            return tally.isEmpty() ? Cli.BAD_INPUT : check && tally.get().failed() > 0 ? 1 : 0;
        } catch (LinkageError e) { // libc linked partly: a symbol the probe did not try is missing
            err.println("sockscope run: " + LiveSupport.linkFailure(e));
            return Cli.BAD_INPUT;
        }
    }

    /**
     * True when live mode is available here; otherwise false after one line on {@code err} says why.
     * Checked before anything loads libc, so no initialiser error reaches the user.
     */
    static boolean live(String who, PrintStream err) {
        Optional<String> unavailable = LiveSupport.unavailableReason();
        unavailable.ifPresent(reason -> err.println(who + ": " + reason));
        return unavailable.isEmpty();
    }

    /** The scenario, or empty after its problems were printed on {@code err} (each located, or "file not found"). */
    static Optional<Scenario> open(String name, String who, PrintStream err) {
        Optional<String> missing = ScenarioLoader.notFound(name);
        if (missing.isPresent()) {
            err.println(who + ": " + missing.get() + "; 'sockscope list' shows the bundled scenarios");
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioLoader.open(name));
        } catch (ScenarioException e) {
            for (ScenarioError error : e.errors()) {
                err.println(error);
            }
            return Optional.empty();
        }
    }

    /** How many expectations a run checked, and how many of them the kernel did not meet. */
    record Tally(int checked, int failed) {
    }

    /** Runs {@code scenario}, printing its transcript; empty when it could not run (the reason is on {@code err}). */
    static Optional<Tally> transcript(Scenario scenario, PrintStream out, PrintStream err) {
        return transcript(scenario, null, false, out, err);
    }

    /** As above, and when {@code record} is not null the run is saved there as a recording after its transcript. */
    static Optional<Tally> transcript(Scenario scenario, Path record, PrintStream out, PrintStream err) {
        return transcript(scenario, record, false, out, err);
    }

    /** As above; with {@code compare}, the run is then compared with the bundled recording of the scenario. */
    static Optional<Tally> transcript(Scenario scenario, Path record, boolean compare, PrintStream out, PrintStream err) {
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
            List<String> failedChecks = session.failedChecks();
            t.expectations(reports, scenario.checks().size(), failedChecks);
            t.footnote();
            if (record != null && !Recorder.save(session, record, out, err)) {
                return Optional.empty();
            }
            if (compare && !Compare.print(session, out, err)) {
                return Optional.empty();
            }
            return Optional.of(new Tally(reports.stream().mapToInt(r -> r.step().expect().size()).sum() + scenario.checks().size(),
                    reports.stream().mapToInt(r -> r.unmet().size()).sum() + failedChecks.size()));
        } catch (LabException e) {
            err.println(scenario.source() + ": set-up failed: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            err.println(scenario.source() + ": " + e.getMessage());
            return Optional.empty();
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
}
