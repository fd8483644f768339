package org.sockscope.cli;

import org.sockscope.trace.ChromeTrace;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.StraceText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sockscope export RECORDING [--chrome FILE] [--strace FILE]}: a recording for other tools; needs no live mode. */
@Command(name = "export", usageHelpAutoWidth = true,
        description = "Write a recording as Chrome Trace Event JSON (opens in Perfetto, ui.perfetto.dev) and/or its calls as strace-style text.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--chrome", paramLabel = "FILE", description = "Chrome Trace Event JSON: a track per thread, a slice per call, counters for queue sizes.")
    private Path chrome;

    @Option(names = "--strace", paramLabel = "FILE", description = "The calls as strace -f -r -T prints them ('-': standard output).")
    private Path strace;

    @Parameters(paramLabel = "RECORDING", description = "A recording ('sockscope run NAME --record FILE', or File > Save recording).")
    private Path recording;

    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (chrome == null && strace == null) {
            throw new ParameterException(spec.commandLine(), "say what to write: --chrome FILE, --strace FILE, or both");
        }
        Recording r;
        try {
            r = RecordingFile.read(recording);
        } catch (IOException e) {
            err.println("sockscope export: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        try {
            if (chrome != null) {
                Files.writeString(chrome, ChromeTrace.of(r), StandardCharsets.UTF_8);
                out.println("Wrote " + chrome + ": Chrome Trace Event JSON of " + r.trace().size() + " events (open it in ui.perfetto.dev)");
            }
            if (strace != null) {
                String text = StraceText.of(r);
                if (strace.toString().equals("-")) {
                    out.print(text);
                } else {
                    Files.writeString(strace, text, StandardCharsets.UTF_8);
                    out.println("Wrote " + strace + ": the calls as strace prints them");
                }
            }
        } catch (IOException e) {
            err.println("sockscope export: cannot write " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        return 0;
    }
}
