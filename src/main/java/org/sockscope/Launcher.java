package org.sockscope;

import org.sockscope.cli.Cli;
import org.sockscope.ui.SockScopeApp;

/**
 * Entry point of {@code sockscope.jar}. It does not extend {@code Application}, so JavaFX on the
 * class path starts cleanly and the command-line modes ({@code run}, {@code list}) run without a
 * display.
 */
public final class Launcher {
    private Launcher() {
    }

    /** Starts a command-line mode, or the desktop app. */
    public static void main(String[] args) {
        if (Cli.wants(args)) {
            System.exit(Cli.main(args));
        }
        SockScopeApp.main(args);
    }
}
