package org.sockscope.ui.replay;

import javafx.stage.Stage;
import org.sockscope.posix.LiveSupport;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;

import java.nio.file.Path;

/** Starts the app as {@code sockscope --replay FILE} would, with live mode switched off (as on a Mac). */
final class NoLiveReplay {
    private NoLiveReplay() {
    }

    /** Starts {@code app} in {@code stage} on {@code recording}; the properties are read once, in start(), and cleared. */
    static MainWindow start(SockScopeApp app, Stage stage, Path recording) {
        System.setProperty(LiveSupport.PROPERTY, "off");
        System.setProperty(SockScopeApp.REPLAY_PROPERTY, recording.toString());
        try {
            app.start(stage);
        } finally {
            System.clearProperty(LiveSupport.PROPERTY);
            System.clearProperty(SockScopeApp.REPLAY_PROPERTY);
        }
        return (MainWindow) stage.getScene().getRoot();
    }

    /** The playground view-model drawing the moment {@code vm} shows, after a frame folded it. */
    static org.sockscope.ui.playground.PlaygroundViewModel shown(ReplayViewModel vm) {
        return org.sockscope.ui.playground.Fx.on(() -> {
            var p = vm.playgroundProperty().get();
            p.refresh();
            return p;
        });
    }
}
