package org.sockscope.ui.playground;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.widget.BufferView;
import org.sockscope.ui.widget.LaneState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders the main window in a known state to target/playground-test.png (look at it). */
@ExtendWith(ApplicationExtension.class)
class PlaygroundScreenshotTest {
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void rendersAKnownState(FxRobot robot) throws Exception {
        PlaygroundViewModel vm = app.viewModel();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Fx.run(() -> DemoScript.play(vm, () -> done.set(true)));
        Fx.await(15, "the demo script's state", done::get);
        assertTrue(Fx.on(() -> vm.process(Side.CLIENT).get().lane().status() == LaneState.Status.BLOCKED));
        BufferView p2 = robot.lookup("#p2RecvBuffer").queryAs(BufferView.class);
        BufferView p1 = robot.lookup("#p1SendBuffer").queryAs(BufferView.class);
        Fx.await(5, "drawing settled", () -> p1.settledProperty().get() && p2.settledProperty().get());
        Fx.await(5, "highlights faded", () -> stage.getScene().getRoot().lookupAll("*").stream()
                .noneMatch(n -> n.getPseudoClassStates().contains(org.sockscope.ui.widget.Flash.CHANGED)));
        Path png = Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "playground-test.png"));
        assertTrue(Files.size(png) > 10_000);
    }
}
