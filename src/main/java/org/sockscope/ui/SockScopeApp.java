package org.sockscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sockscope.lab.Lab;
import org.sockscope.posix.LiveSupport;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;

/**
 * The JavaFX application: one main window, opening on the playground with a connection ready; or,
 * where live mode is not available ({@link LiveSupport}), on the one message saying why.
 */
public final class SockScopeApp extends Application {
    /** How long {@link #stop()} may take: blocked calls are woken, threads are daemons. */
    public static final long STOP_BUDGET_MILLIS = 800;
    private PlaygroundViewModel vm;
    private MainWindow window;
    private Presenter presenter;
    /** Set by {@link #main}: a real start places the window and remembers it; a test owns its stage. */
    private static volatile boolean desktop;

    /** Launches the desktop app (blocks until the last window closes). */
    public static void main(String[] args) {
        desktop = true;
        launch(SockScopeApp.class, args);
    }

    /** System property naming a recording to open on instead of live mode ({@code sockscope --replay FILE}). */
    public static final String REPLAY_PROPERTY = "sockscope.replay";

    @Override
    public void start(Stage stage) {
        String replay = System.getProperty(REPLAY_PROPERTY, "");
        if (!replay.isBlank()) {
            try {
                // A replay opens no lab at all, wherever live mode is available or not.
                java.nio.file.Path file = java.nio.file.Path.of(replay);
                show(stage, MainWindow.replaying(org.sockscope.trace.RecordingFile.read(file)), null);
                stage.setTitle(MainWindow.replayTitle(file));
                return;
            } catch (java.io.IOException e) { // read once by the command line; changed since: start as usual, and say so
                startLive(stage);
                window.statusBar().setText("Could not open the recording " + e.getMessage());
                return;
            }
        }
        startLive(stage);
    }

    private void startLive(Stage stage) {
        String problem = LiveSupport.unavailableReason().orElse(null);
        Lab lab = null;
        if (problem == null) {
            try {
                lab = new Lab();
            } catch (RuntimeException | LinkageError e) { // libc linked partly, or the lab could not start
                problem = e instanceof LinkageError ? LiveSupport.linkFailure(e)
                        : "Live mode could not start: " + e.getMessage();
            }
        }
        PlaygroundView playground = null;
        if (lab != null) {
            vm = new PlaygroundViewModel(lab);
            playground = new PlaygroundView(vm);
            window = new MainWindow(playground, lab.sampler().periodNanos());
        } else {
            window = new MainWindow(problem); // no playground or scenario mode: nothing would ever answer
        }
        show(stage, window, playground);
        if (vm != null) {
            vm.setProcesses(!org.sockscope.lab.agent.Worlds.threads()); // connects P1 to P2
        }
    }

    private void show(Stage stage, MainWindow w, PlaygroundView playground) {
        window = w;
        Scene scene = new Scene(window, 1280, 720);
        scene.getStylesheets().add(MainWindow.stylesheet());
        presenter = Presenter.install(scene, stage);
        if (playground != null) {
            playground.installAccelerators(scene);
        }
        stage.setTitle("SockScope");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        if (desktop) {
            WindowPlacement.forUser().apply(stage);
        }
        stage.show();
    }

    /** Closes the playground's lab and any scenario run (waking blocked calls) within {@link #STOP_BUDGET_MILLIS}. */
    @Override
    public void stop() {
        long deadline = System.nanoTime() + STOP_BUDGET_MILLIS * 1_000_000;
        if (window != null) {
            window.closeReplay();
        }
        if (window != null && window.scenarioMode() != null) {
            window.scenarioMode().close(STOP_BUDGET_MILLIS / 2);
        }
        if (vm != null) {
            vm.close(Math.max(50, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    /** Zoom, full screen and blanking of the window (after {@link #start}). */
    public Presenter presenter() {
        return presenter;
    }

    /** The playground's view-model (for tests and benchmarks), or null when live mode is not available. */
    public PlaygroundViewModel viewModel() {
        return vm;
    }
}
