package org.sockscope.cli;

import java.util.Arrays;
import java.util.List;

/** The command line: {@code run} and {@code list} need no display. */
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
            case "run" -> RunCommand.run(rest, System.out, System.err);
            case "list" -> RunCommand.list(System.out);
            default -> {
                System.out.println(RunCommand.USAGE);
                yield 0;
            }
        };
    }
}
