package org.sockscope.cli;

import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.trace.BundledRecordings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sockscope record-bundled DIR [NAME…]}: runs every bundled scenario (as {@code index.txt}
 * lists them), or the ones named, on real sockets and saves each run as {@code DIR/NAME.sockscope}:
 * how the recordings that ship in the jar ({@code assets/recordings/}) are made.
 */
@Command(name = "record-bundled", usageHelpAutoWidth = true,
        description = "Record every bundled scenario (or those named) into DIR as NAME.sockscope: the recordings that ship in the jar.")
public final class RecordBundledCommand implements Callable<Integer> {
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write into (assets/recordings in the source tree).")
    private Path dir;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Bundled scenarios to record (default: all of them).")
    private List<String> names = List.of();

    private final PrintStream out;
    private final PrintStream err;

    RecordBundledCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!RunCommand.live("sockscope record-bundled", err)) {
            return Cli.BAD_INPUT;
        }
        if (!Files.isDirectory(dir)) {
            err.println("sockscope record-bundled: " + dir + " is not a folder");
            return Cli.BAD_INPUT;
        }
        List<String> todo = names.isEmpty() ? ScenarioLoader.bundled() : names;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int failed = 0;
        for (String name : todo) {
            Optional<Scenario> s = RunCommand.open(name, "sockscope record-bundled", err);
            Path file = dir.resolve(BundledRecordings.fileName(Path.of(name).getFileName().toString()));
            if (s.isEmpty() || RunCommand.transcript(s.get(), file, quiet, err).isEmpty()) {
                failed++;
                continue;
            }
            out.println("Recorded " + name + " to " + file);
        }
        return failed == 0 ? 0 : 1;
    }
}
