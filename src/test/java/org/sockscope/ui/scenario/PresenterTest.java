package org.sockscope.ui.scenario;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presenter's keys: zoom from one root font size, blanking, and a choice's letter before step 1. */
@ExtendWith({org.sockscope.testing.ThreadActors.class, ApplicationExtension.class})
class PresenterTest {
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
        window = (MainWindow) stage.getScene().getRoot();
    }

    @AfterEach
    void stop() {
        if (window.scenarioMode().view() != null) {
            window.scenarioMode().view().viewModel().close(1000);
        }
        app.stop();
    }

    private ScenarioViewModel open03(FxRobot robot) {
        robot.clickOn("#modeScenarios"); // the focus stays on the mode switch, outside the scenario view
        ScenarioViewModel vm = Fx.on(() -> window.scenarioMode().view().viewModel());
        Fx.await(10, "catalogue", () -> !vm.busyProperty().get());
        Fx.run(() -> vm.openAny("03_recv_empty_vs_100", 0));
        Fx.await(10, "set up, before step 1", () -> vm.readyProperty().get() && !vm.busyProperty().get());
        return vm;
    }

    @Test
    void ctrlEqualsAndCtrlMinusScaleTheTextAndCtrl0ResetsIt(FxRobot robot) {
        ScenarioViewModel vm = open03(robot);
        Label say = robot.lookup("#narrationText").queryAs(Label.class);
        double at100 = Fx.on(() -> say.getFont().getSize());
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        Fx.run(() -> stage.getScene().getRoot().applyCss());
        assertEquals(1.25, Fx.on(() -> app.presenter().zoomProperty().get()), 1e-9, "two steps in: 110 %, 125 %");
        assertEquals(at100 * 1.25, Fx.on(() -> say.getFont().getSize()), 0.05, "the narration's font follows the root's");
        double h = Fx.on(() -> say.prefHeight(600));
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        Fx.run(() -> stage.getScene().getRoot().applyCss());
        assertEquals(0.9, Fx.on(() -> app.presenter().zoomProperty().get()), 1e-9);
        assertTrue(Fx.on(() -> say.prefHeight(600)) < h, "the label is drawn smaller");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        Fx.run(() -> stage.getScene().getRoot().applyCss());
        assertEquals(at100, Fx.on(() -> say.getFont().getSize()), 0.05, "Ctrl+0: 100 %");
        assertTrue(Fx.on(() -> vm.pickProperty().get().isEmpty()), "zoom keys pick nothing");
    }

    @Test
    void zoomStaysWithin75And300Percent() {
        var p = app.presenter();
        Fx.run(() -> {
            for (int i = 0; i < 20; i++) {
                p.step(+1);
            }
        });
        assertEquals(3.0, Fx.on(() -> p.zoomProperty().get()), 1e-9);
        Fx.run(() -> {
            for (int i = 0; i < 20; i++) {
                p.step(-1);
            }
        });
        assertEquals(0.75, Fx.on(() -> p.zoomProperty().get()), 1e-9);
    }

    @Test
    void aLetterPicksAChoiceBeforeStep1(FxRobot robot) {
        ScenarioViewModel vm = open03(robot);
        assertEquals(0, Fx.on(() -> vm.stepsRunProperty().get()), "before step 1");
        Fx.run(() -> robot.lookup("#modeScenarios").query().requestFocus()); // as after a click on the mode switch
        robot.push(KeyCode.C);
        assertEquals("C", Fx.on(() -> vm.pickProperty().get()));
        robot.push(KeyCode.B);
        assertEquals("B", Fx.on(() -> vm.pickProperty().get()), "B is a choice here: it picks, it does not blank");
        assertFalse(Fx.on(() -> app.presenter().blanked()));
    }

    @Test
    void bBlanksThePlaygroundAndAnyKeyBringsItBack(FxRobot robot) {
        robot.clickOn("#modePlayground");
        robot.push(KeyCode.B);
        assertTrue(Fx.on(() -> app.presenter().blanked()));
        assertNotSame(window, Fx.on(() -> stage.getScene().getRoot()), "the window's content is hidden");
        robot.push(KeyCode.SPACE);
        assertSame(window, Fx.on(() -> stage.getScene().getRoot()), "and back");
    }
}
