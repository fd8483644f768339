package org.sockscope.ui.scenario;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.Screenshots;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.widget.Flash;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the scenario mode in known states to target/scenario-*.png, at 1280×720 (look at them);
 * each test checks the PNG was written whole and that the window shows the state it is named for.
 */
// Renders screens to look at, the lessons' processes as threads of this JVM (ThreadActors); the
// screens on real processes: the spawning scenarios here, ScreenMapperTest's and ScenarioRobotTest's
// @RealProcesses tests; the real window: assets/scenario-processes.png.
@ExtendWith({org.sockscope.testing.ThreadActors.class, ApplicationExtension.class})
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

    private Path png(String name) throws Exception {
        return Screenshots.window(stage.getScene(), Path.of("target", name), 1280, 720);
    }

    private static boolean has(Node n, String pseudoClass) {
        return Fx.on(() -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudoClass)));
    }

    private static boolean visible(FxRobot robot, String id) {
        return Fx.on(() -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false));
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
        png("scenario-03-reveal.png");
        assertTrue(visible(robot, "#kernelLetters"), "the picture shows the kernel's answer");
        String did = Fx.on(() -> robot.lookup("#kernelLetters").queryAs(Label.class).getText());
        assertTrue(did.startsWith("The kernel did: "), did);
        assertTrue(Fx.on(() -> robot.lookup("#choice-A").queryAs(javafx.scene.control.ToggleButton.class).isSelected()),
                "A shown as the pick");
    }

    @Test
    void theRevealWaitingForTheKernel(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("nap.yaml");
        java.nio.file.Files.writeString(file, """
                title: "A slow answer: usleep() decides"
                slide: x
                setup:
                  processes: [app]
                question:
                  prompt: What does usleep(3000000) return?
                  choices:
                    - letter: A
                      text: 0, after three seconds
                      when: {nap: returns 0}
                    - letter: B
                      text: Something else
                      when: otherwise
                steps:
                  - id: nap
                    process: app
                    call: usleep(3000000)
                    say: app naps for three seconds; the answer has to wait for it.
                """);
        Fx.await(10, "catalogue", () -> !vm.busyProperty().get());
        Fx.run(() -> vm.open(file));
        Fx.await(10, "set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
        Fx.run(vm::reveal);
        Fx.await(5, "waiting for the kernel", () -> visible(robot, "#revealWait"));
        settle();
        png("scenario-reveal-waiting.png");
        Fx.snapshot(robot.lookup("#questionPane").query(), Path.of("target", "scenario-reveal-waiting-pane.png"));
        String text = Fx.on(() -> robot.lookup("#revealWait").queryAs(Label.class).getText());
        assertTrue(text.startsWith("Waiting for the kernel…"), text);
        assertTrue(Fx.on(() -> vm.verdictProperty().get() == null), "the picture shows the wait, not yet the verdict");
        Fx.await(6, "the verdict", () -> vm.verdictProperty().get() != null);
        assertFalse(visible(robot, "#revealWait"), "the waiting line goes when the verdict comes");
    }

    @Test
    void recvQuestionBeforePredicting(FxRobot robot) throws Exception {
        load("03_recv_empty_vs_100", 1);
        settle();
        png("scenario-03-predict.png");
        assertTrue(visible(robot, "#questionPane") && visible(robot, "#reveal"), "the question, not yet revealed");
        assertFalse(visible(robot, "#kernelLetters"), "no answer before the reveal");
    }

    @Test
    void pipeWithABlockedWriter(FxRobot robot) throws Exception {
        load("01_pipe_ipc", 4);
        settle();
        png("scenario-01-pipe.png");
        assertTrue(has(robot.lookup("#lane-P1").query(), "blocked"), "the picture shows the writer asleep");
    }

    @Test
    void reviewingASendScenario(FxRobot robot) throws Exception {
        load("04a_send_blocking", 2);
        Fx.run(vm::previous);
        Fx.await(5, "review", () -> vm.reviewingProperty().get());
        settle();
        png("scenario-04a-review.png");
        assertTrue(visible(robot, "#reviewBanner"), "the picture shows review of step 1");
        String live = Fx.on(() -> robot.lookup("#scenarioLive").queryAs(Label.class).getText());
        assertTrue(live.startsWith("◀◀ REVIEW · "), "review of this run, not a recording: " + live);
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
        png("scenario-start.png");
        int listed = Fx.on(() -> robot.lookup("#scenarioList").queryAs(javafx.scene.control.ListView.class).getItems().size());
        assertEquals(org.sockscope.scenario.ScenarioLoader.bundled().size(), listed, "every bundled scenario listed");
    }
}
