package org.sockscope.cli;

import org.sockscope.posix.LiveSupport;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line: {@code run} and {@code list} need no display; {@code list} needs no live mode either. */
public final class Cli {
    private Cli() {
    }

    /** True when {@code args} ask for a command-line mode rather than the window. */
    public static boolean wants(String[] args) {
        return args.length > 0 && List.of("run", "list", "--help", "-h", "help").contains(args[0]);
    }

    /** Runs the command; returns the process exit status. */
    public static int main(String[] args) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "run" -> run(rest, System.out, System.err);
            case "list" -> RunCommand.list(System.out);
            default -> {
                System.out.println(RunCommand.USAGE);
                yield 0;
            }
        };
    }

    /**
     * {@code run}, or one line on {@code err} and status 2 when live mode is not available here
     * (checked before anything loads libc, so no initialiser error reaches the user).
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<String> unavailable = LiveSupport.unavailableReason();
        if (unavailable.isPresent() && !args.contains("--help") && !args.contains("-h")) {
            err.println("sockscope run: " + unavailable.get());
            return 2;
        }
        try {
            return RunCommand.run(args, out, err);
        } catch (LinkageError e) { // libc linked partly: a symbol the probe did not try is missing
            err.println("sockscope run: " + LiveSupport.linkFailure(e));
            return 2;
        }
    }
}
