package org.sockscope.ui.scenario;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.widget.Flash;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders the scenario mode in known states to target/scenario-*.png, at 1280×720 (look at them). */
@ExtendWith(ApplicationExtension.class)
class ScenarioScreenshotTest {
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;
    private ScenarioViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
        MainWindow w = (MainWindow) stage.getScene().getRoot();
        w.scenarioMode().showScenarios();
        vm = w.scenarioMode().view().viewModel();
    }

    @AfterEach
    void stop() {
        vm.close(1000);
        app.stop();
    }

    private void settle() {
        Fx.await(5, "highlights faded", () -> stage.getScene().getRoot().lookupAll("*").stream()
                .noneMatch(n -> n.getPseudoClassStates().contains(Flash.CHANGED)));
        Fx.await(5, "buffers drawn", () -> stage.getScene().getRoot().lookupAll(".buffer-view").stream()
                .allMatch(n -> ((org.sockscope.ui.widget.BufferView) n).settledProperty().get()));
    }

    private void load(String id, int steps) {
        Fx.await(10, "catalogue", () -> !vm.busyProperty().get());
        Fx.run(() -> vm.openAny(id, steps));
        Fx.await(10, "set-up and " + steps + " steps", () -> vm.readyProperty().get() && !vm.busyProperty().get()
                && vm.stepsRunProperty().get() == steps);
    }

    @Test
    void recvQuestionAfterTheReveal(FxRobot robot) throws Exception {
        load("03_recv_empty_vs_100", 1);
        Fx.run(() -> vm.pick("A"));
        Fx.run(vm::reveal);
        Fx.await(10, "the verdict", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get());
        settle();
        Path png = Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "scenario-03-reveal.png"));
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void recvQuestionBeforePredicting(FxRobot robot) throws Exception {
        load("03_recv_empty_vs_100", 1);
        settle();
        Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "scenario-03-predict.png"));
    }

    @Test
    void pipeWithABlockedWriter(FxRobot robot) throws Exception {
        load("01_pipe_ipc", 4);
        settle();
        Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "scenario-01-pipe.png"));
    }

    @Test
    void reviewingASendScenario(FxRobot robot) throws Exception {
        load("04a_send_blocking", 2);
        Fx.run(vm::previous);
        Fx.await(5, "review", () -> vm.reviewingProperty().get());
        settle();
        Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "scenario-04a-review.png"));
    }

    @Test
    void everyBundledScenarioRunsToTheEndOnScreen(FxRobot robot) throws Exception {
        Fx.await(10, "catalogue", () -> !vm.catalogueProperty().get().isEmpty() && !vm.busyProperty().get());
        for (ScenarioFiles.Entry e : Fx.on(() -> vm.catalogueProperty().get())) {
            Fx.run(() -> vm.loadBundled(e.file()));
            Fx.await(10, e.id() + " set up", () -> vm.readyProperty().get() && !vm.busyProperty().get()
                    && vm.scenarioProperty().get().id().equals(e.id()));
            Fx.run(vm::runToEnd);
            Fx.await(20, e.id() + " run to the end", () -> !vm.busyProperty().get()
                    && vm.stepsRunProperty().get() == vm.totalStepsProperty().get());
            assertTrue(Fx.on(() -> vm.errorProperty().get().isEmpty()), e.id() + ": " + Fx.on(() -> vm.errorProperty().get()));
            if (Fx.on(() -> vm.question().isPresent())) {
                Fx.run(vm::reveal);
                Fx.await(10, e.id() + " revealed", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get());
            }
            // The gallery of all twelve PNGs (to look at) is opt-in: waiting for every animation to
            // settle costs ~2 s a scenario. -Dscreenshots=all writes target/scenario-all/*.png.
            if ("all".equals(System.getProperty("screenshots"))) {
                settle();
                Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "scenario-all", e.id() + ".png"));
            }
        }
    }

    @Test
    void startList(FxRobot robot) throws Exception {
        Fx.await(10, "catalogue", () -> !vm.catalogueProperty().get().isEmpty());
        Fx.snapshot(stage.getScene().getRoot(), Path.of("target", "scenario-start.png"));
    }
}
