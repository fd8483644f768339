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
        Fx.await(10, "the connection", () -> vm.process(Side.CLIENT).get().fd() >= 0 && vm.process(Side.SERVER).get().fd() >= 0);
        // P1 sends three times without waiting: 3000, 3000, then 6000 (partial), then EAGAIN.
        for (int n : new int[] {3000, 3000, 6000, 1000}) {
            long before = Fx.on(() -> vm.eventCountProperty().get());
            Fx.run(() -> vm.send(Side.CLIENT, n, true));
            Fx.await(5, "send returns", () -> vm.eventCountProperty().get() > before
                    && !vm.process(Side.CLIENT).get().lane().inCall()
                    && vm.process(Side.CLIENT).get().lane().status() != LaneState.Status.IDLE);
        }
        Fx.run(() -> vm.recv(Side.SERVER, 200, false));
        Fx.await(5, "recv returns", () -> vm.process(Side.SERVER).get().lane().status() == LaneState.Status.RETURNED);
        BufferView p2 = robot.lookup("#p2RecvBuffer").queryAs(BufferView.class);
        BufferView p1 = robot.lookup("#p1SendBuffer").queryAs(BufferView.class);
        Fx.await(5, "drawing settled", () -> p1.settledProperty().get() && p2.settledProperty().get());
        Fx.await(5, "highlights faded", () -> stage.getScene().getRoot().lookupAll("*").stream()
                .noneMatch(n -> n.getPseudoClassStates().contains(org.sockscope.ui.widget.Flash.CHANGED)));
        Fx.run(() -> {
            var root = stage.getScene().getRoot();
            System.out.println("DEBUG scene " + stage.getScene().getWidth() + "x" + stage.getScene().getHeight()
                    + " root " + root.getLayoutBounds() + " pref " + root.prefHeight(1280));
            for (String id : new String[] {"#playground", "#p1View", "#callLog", "#statusBar", "#menuBar", "#honesty"}) {
                var n = root.lookup(id);
                System.out.println("DEBUG " + id + " " + n.getBoundsInParent() + " min " + n.minHeight(-1) + " pref " + n.prefHeight(-1));
            }
        });
        Path png = Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "playground-test.png"));
        assertTrue(Files.size(png) > 10_000);
    }
}
