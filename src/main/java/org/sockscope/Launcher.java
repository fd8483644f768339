package org.sockscope;

import org.sockscope.cli.Cli;
import org.sockscope.posix.LiveSupport;
import org.sockscope.ui.SockScopeApp;

/**
 * Entry point of {@code sockscope.jar}. It does not extend {@code Application}, so JavaFX on the
 * class path starts cleanly and the command-line modes ({@code run}, {@code list}) run without a
 * display.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * Starts a command-line mode, or the desktop app. {@code --scenario NAME|FILE [--step N]
     * [--reveal LETTER]} opens the app in scenario mode on that scenario (after N steps; with
     * LETTER picked and revealed), passed on as system properties the scenario mode reads.
     */
    public static void main(String[] args) {
        // First, before JavaFX loads its native libraries: that would switch native access on and
        // hide that the JVM was started without it (see LiveSupport).
        LiveSupport.unavailableReason();
        if (Cli.wants(args)) {
            System.exit(Cli.main(args));
        }
        SockScopeApp.main(appOptions(args));
    }

    /** Moves {@code --scenario}, {@code --step}, {@code --reveal} into system properties; returns the rest. */
    static String[] appOptions(String[] args) {
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String key = switch (args[i]) {
                case "--scenario" -> "sockscope.scenario";
                case "--step" -> "sockscope.step";
                case "--reveal" -> "sockscope.reveal";
                default -> null;
            };
            if (key != null && i + 1 < args.length) {
                System.setProperty(key, args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }
}
