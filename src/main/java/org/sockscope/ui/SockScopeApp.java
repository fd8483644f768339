package org.sockscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sockscope.lab.Lab;
import org.sockscope.trace.Trace;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;

/** The JavaFX application: one main window, opening on the playground with a connection ready. */
public final class SockScopeApp extends Application {
    /** How long {@link #stop()} may take: blocked calls are woken, threads are daemons. */
    public static final long STOP_BUDGET_MILLIS = 800;
    private PlaygroundViewModel vm;
    private MainWindow window;

    /** Launches the desktop app (blocks until the last window closes). */
    public static void main(String[] args) {
        launch(SockScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        String problem = null;
        Lab lab = null;
        try {
            lab = new Lab();
        } catch (RuntimeException e) {
            problem = "Live mode is not available here: " + e.getMessage();
        }
        vm = lab == null ? new PlaygroundViewModel(new Trace(), null) : new PlaygroundViewModel(lab);
        PlaygroundView playground = new PlaygroundView(vm);
        window = new MainWindow(playground);
        Scene scene = new Scene(window, 1280, 720);
        scene.getStylesheets().add(MainWindow.stylesheet());
        playground.installAccelerators(scene);
        stage.setTitle("SockScope");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        if (lab != null) {
            vm.rebuild();
        } else {
            window.statusBar().textProperty().unbind();
            window.statusBar().setText(problem);
        }
    }

    /** Closes the playground's lab and any scenario run (waking blocked calls) within {@link #STOP_BUDGET_MILLIS}. */
    @Override
    public void stop() {
        long deadline = System.nanoTime() + STOP_BUDGET_MILLIS * 1_000_000;
        if (window != null && window.scenarioMode() != null) {
            window.scenarioMode().close(STOP_BUDGET_MILLIS / 2);
        }
        if (vm != null) {
            vm.close(Math.max(50, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    /** The view-model (for tests and benchmarks). */
    public PlaygroundViewModel viewModel() {
        return vm;
    }
}
