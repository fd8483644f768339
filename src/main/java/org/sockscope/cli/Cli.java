package org.sockscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line, parsed by picocli: {@code run}, {@code list} and {@code check} need no display
 * ({@code list} needs no live mode either); no command opens the window. Exit status: 0 ok, 1 an
 * expectation failed (with {@code --check}, or in {@code check}), 2 bad input, or what is needed
 * (a display, live mode) is not here — always with one line on stderr that says why.
 */
public final class Cli {
    /** Exit status for bad input and for "cannot do that here". */
    static final int BAD_INPUT = 2;

    private Cli() {
    }

    /** Opens the desktop window with these options; the launcher's, since only {@code ui} imports JavaFX. */
    @FunctionalInterface
    public interface Window {
        /** Shows the window until it closes; returns the exit status. */
        int open(WindowOptions options);
    }

    /**
     * What the window opens on.
     *
     * @param scenario a scenario file or bundled name, or null for the playground
     * @param steps    how many steps to run before the window shows
     * @param reveal   the choice letter to pick and reveal, or null
     * @param replay   a recording to replay (already read once, so it is known to open), or null
     */
    public record WindowOptions(String scenario, int steps, String reveal, java.nio.file.Path replay) {
        /** Options without a recording. */
        public WindowOptions(String scenario, int steps, String reveal) {
            this(scenario, steps, reveal, null);
        }
    }

    /**
     * Parses {@code args} and runs what they ask for; {@code env} is the process environment (the
     * display check reads it). Returns the exit status.
     */
    public static int main(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Window window) {
        return commandLine(out, err, env, window).execute(args);
    }

    /** The whole command tree, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env, Window window) {
        CommandLine cl = new CommandLine(new WindowCommand(err, env, window));
        cl.addSubcommand("run", new RunCommand(out, err));
        cl.addSubcommand("check", new CheckCommand(out, err));
        cl.addSubcommand("list", new ListCommand(out));
        cl.addSubcommand("lab", new LabCommand(out, err));
        cl.addSubcommand("export", new ExportCommand(out, err));
        cl.addSubcommand("record-bundled", new RecordBundledCommand(out, err));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((e, a) -> oneLine(e, err));
        everyOptionInTheTopHelp(cl);
        return cl;
    }

    /** A usage error as one line: who complains, what is wrong, a suggestion, where help is. */
    private static int oneLine(ParameterException e, PrintStream err) {
        String who = e.getCommandLine().getCommandSpec().qualifiedName();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u) {
            String first = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().getFirst();
            boolean command = e.getCommandLine().getParent() == null && !first.startsWith("-") && !first.isEmpty();
            if (command) { // the top level takes no words: the first one was meant as a command
                message = "unknown command '" + first + "' (commands: "
                        + String.join(", ", e.getCommandLine().getSubcommands().keySet()) + ")";
            }
            if (!u.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
        }
        err.println(who + ": " + message + " (see '" + who + " --help')");
        return BAD_INPUT;
    }

    /** {@code sockscope --help} ends with every command's synopsis, so each option is listed there. */
    private static void everyOptionInTheTopHelp(CommandLine cl) {
        String key = "commandSynopses";
        cl.getHelpSectionMap().put(key, help -> {
            StringBuilder text = new StringBuilder("%nEach command:%n".formatted());
            help.subcommands().forEach((name, sub) -> text.append("  ").append(sub.synopsis(0).strip()).append(System.lineSeparator()));
            return text.toString();
        });
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST) + 1, key);
        cl.setHelpSectionKeys(keys);
    }
}
