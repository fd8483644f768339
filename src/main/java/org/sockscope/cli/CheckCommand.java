package org.sockscope.cli;

import org.sockscope.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code sockscope check DIR|FILE…}: runs every scenario ({@code *.yaml}, {@code *.yml}) of each
 * folder, as {@code run --check} does, and prints one line per scenario; a failed expectation or a
 * bad file prints its lines under it. Exit 0 all met, 1 an expectation failed, 2 a file is bad.
 */
@Command(name = "check", usageHelpAutoWidth = true,
        description = "Run every scenario in the folders (or files) as 'run --check' does; one line per scenario.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "DIR|FILE", arity = "1..*", description = "Folders of scenario files, or scenario files.")
    private List<Path> paths;

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!RunCommand.live("sockscope check", err)) {
            return Cli.BAD_INPUT;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> in = Files.list(p)) {
                    in.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println("sockscope check: cannot list " + p + ": " + e.getMessage());
                    return Cli.BAD_INPUT;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println("sockscope check: file not found: " + p + " (looked at " + p.toAbsolutePath() + ")");
                return Cli.BAD_INPUT;
            }
        }
        int met = 0;
        int failed = 0;
        int bad = 0;
        for (Path f : files) {
            switch (check(f)) {
                case 0 -> met++;
                case 1 -> failed++;
                default -> bad++;
            }
        }
        out.println();
        out.println(files.size() + " scenarios: " + met + " met every expectation, " + failed + " failed one, " + bad + " could not run");
        return bad > 0 ? Cli.BAD_INPUT : failed > 0 ? 1 : 0;
    }

    /** One scenario: 0 every expectation met, 1 one failed, 2 it could not run. */
    private int check(Path file) {
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        PrintStream problemStream = new PrintStream(problems, true, StandardCharsets.UTF_8);
        Optional<Scenario> scenario = RunCommand.open(file.toString(), "sockscope check", problemStream);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        Optional<RunCommand.Tally> tally = scenario.flatMap(s ->
                RunCommand.transcript(s, new PrintStream(transcript, true, StandardCharsets.UTF_8), problemStream));
        if (tally.isEmpty()) {
            out.println("BAD   " + file);
            problems.toString(StandardCharsets.UTF_8).lines().forEach(l -> out.println("      " + l));
            return 2;
        }
        RunCommand.Tally t = tally.get();
        out.println((t.failed() == 0 ? "ok    " : "FAIL  ") + file + "  (" + (t.checked() - t.failed()) + " of " + t.checked()
                + " expectations met)");
        transcript.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("EXPECTATION FAILED"))
                .forEach(l -> out.println("      " + l));
        return t.failed() == 0 ? 0 : 1;
    }
}
