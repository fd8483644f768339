package org.sockscope.cli;

import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sockscope list}: each bundled scenario's id (what {@code run} takes) and title. Needs no live mode. */
@Command(name = "list", description = "List the bundled scenarios: the id 'run' takes, and the title.")
final class ListCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final PrintStream out;

    ListCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        List<String> files = ScenarioLoader.bundled();
        int width = files.stream().mapToInt(String::length).max().orElse(0);
        for (String file : files) {
            String id = file.replaceFirst("\\.ya?ml$", "");
            out.printf("%-" + width + "s  %s%n", id, title(file));
        }
        return 0;
    }

    private static String title(String file) {
        try {
            Scenario s = ScenarioLoader.loadBundled(file);
            return s.title();
        } catch (ScenarioException e) {
            return "(cannot be read: " + e.errors().getFirst() + ")";
        }
    }
}
