package org.sockscope;

import org.sockscope.cli.Cli;
import org.sockscope.cli.Display;
import org.sockscope.posix.LiveSupport;
import org.sockscope.ui.SockScopeApp;

/**
 * Entry point of {@code sockscope.jar}. It does not extend {@code Application}, so JavaFX on the
 * class path starts cleanly and the command-line modes ({@code run}, {@code list}, {@code check})
 * run without a display.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * Runs the command line (see {@code sockscope --help}); with no command, the desktop app. Its
     * {@code --scenario NAME|FILE [--step N] [--reveal LETTER]} open the app in scenario mode on that
     * scenario (after N steps; with LETTER picked and revealed), passed on as system properties the
     * scenario mode reads.
     */
    public static void main(String[] args) {
        // First, before JavaFX loads its native libraries: that would switch native access on and
        // hide that the JVM was started without it (see LiveSupport).
        LiveSupport.unavailableReason();
        boolean[] windowOpened = {false};
        int status = Cli.main(args, System.out, System.err, System.getenv(), options -> {
            windowOpened[0] = true;
            return openWindow(options);
        });
        // After the window closed, the JVM ends as JavaFX leaves it; a command ends with its status.
        if (!windowOpened[0] || status != 0) {
            System.exit(status);
        }
    }

    private static int openWindow(Cli.WindowOptions options) {
        if (options.scenario() != null) {
            System.setProperty("sockscope.scenario", options.scenario());
        }
        if (options.scenario() != null || options.replay() != null) {
            System.setProperty("sockscope.step", Integer.toString(options.steps()));
        }
        if (options.replay() != null) {
            System.setProperty(SockScopeApp.REPLAY_PROPERTY, options.replay().toAbsolutePath().toString());
        }
        if (options.reveal() != null) {
            System.setProperty("sockscope.reveal", options.reveal());
        }
        try {
            SockScopeApp.main(new String[0]);
            return 0;
        } catch (UnsupportedOperationException e) { // glass: "Unable to open DISPLAY" (set, but nothing there)
            System.err.println("sockscope: cannot open the window: " + e.getMessage() + " (DISPLAY="
                    + System.getenv("DISPLAY") + "); " + Display.HEADLESS);
            return 2;
        }
    }
}
