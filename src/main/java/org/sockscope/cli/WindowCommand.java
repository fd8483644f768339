package org.sockscope.cli;

import org.sockscope.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code sockscope [--scenario NAME|FILE [--step N] [--reveal LETTER] | --replay FILE]}: the desktop window. */
@Command(name = "sockscope", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Real sockets, kernel buffers and blocking calls, for teaching.",
                "With no command: opens the window (the playground, a scenario with --scenario, a recording with --replay)."},
        commandListHeading = "%nCommands (no display needed):%n",
        footer = {"", "Exit status: 0 ok; 1 an expectation failed (run --check, check); 2 bad input, or no display or no"
                + " live mode here (one line on stderr says which)."})
final class WindowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Open the window on this scenario: a YAML file, or a bundled name ('sockscope list').")
    private String scenario;

    @Option(names = "--step", paramLabel = "N", description = "With --scenario: run the first N steps before the window shows (with --replay: show step N).")
    private Integer steps;

    @Option(names = "--reveal", paramLabel = "LETTER", description = "With --scenario or --replay: pick choice LETTER and reveal the answer.")
    private String reveal;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Open the window on a recording ('sockscope run NAME --record FILE', or File > Save recording);"
                    + " needs no live mode.")
    private java.nio.file.Path replay;

    private final PrintStream err;
    private final Map<String, String> env;
    private final Cli.Window window;

    WindowCommand(PrintStream err, Map<String, String> env, Cli.Window window) {
        this.err = err;
        this.env = env;
        this.window = window;
    }

    @Override
    public Integer call() {
        if (scenario == null && replay == null && (steps != null || reveal != null)) {
            throw new ParameterException(spec.commandLine(), (steps != null ? "--step" : "--reveal")
                    + " needs --scenario NAME|FILE (or --replay FILE of a scenario recording)");
        }
        if (steps != null && steps < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--step': " + steps
                    + " is below 0 (N is how many steps to run first: 0 or more)");
        }
        if (reveal != null && !reveal.matches("[A-Za-z]")) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--reveal': '" + reveal
                    + "' is not a choice letter (one letter: A, B, C, …)");
        }
        if (replay != null && scenario != null) {
            throw new ParameterException(spec.commandLine(), "--replay FILE and --scenario NAME|FILE open different things: give one");
        }
        if (replay != null) {
            try {
                org.sockscope.trace.RecordingFile.read(replay); // a bad file is one line here, not a window
            } catch (java.io.IOException e) {
                err.println("sockscope: " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
        if (scenario != null) {
            Optional<String> missing = ScenarioLoader.notFound(scenario);
            if (missing.isPresent()) {
                err.println("sockscope: " + missing.get() + "; 'sockscope list' shows the bundled scenarios");
                return Cli.BAD_INPUT;
            }
        }
        Optional<String> noDisplay = Display.missing(env, System.getProperty("os.name", ""), System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            err.println("sockscope: " + noDisplay.get());
            return Cli.BAD_INPUT;
        }
        return window.open(new Cli.WindowOptions(scenario, steps == null ? 0 : steps, reveal, replay));
    }
}
