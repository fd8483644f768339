package org.sockscope;

import org.sockscope.ui.SockScopeApp;

/**
 * Entry point of {@code sockscope.jar}. It does not extend {@code Application}, so JavaFX on the
 * class path starts cleanly and command-line modes can run without a display.
 */
public final class Launcher {
    private Launcher() {
    }

    /** Starts the desktop app. */
    public static void main(String[] args) {
        SockScopeApp.main(args);
    }
}
