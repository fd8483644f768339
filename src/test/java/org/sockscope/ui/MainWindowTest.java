package org.sockscope.ui;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.lab.Lab;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.widget.Source;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's main window opens with its title, menu bar and status bar. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;
    private final SockScopeApp app = new SockScopeApp();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        app.stop(); // closes the playground's lab: no actor or sampler thread outlives the test
    }

    @Test
    void windowHasTitleMenuAndStatusBar(FxRobot robot) {
        assertEquals("SockScope", stage.getTitle());
        assertTrue(stage.isShowing());
        MenuBar menu = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertTrue(menu.getMenus().size() >= 2);
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        assertTrue(status.isVisible());
    }

    @Test
    void theStatusBarGivesTheLabsRealSamplerRate(FxRobot robot) {
        assertTrue(robot.lookup("#liveIndicator").queryAs(Label.class).getText().startsWith("● LIVE · kernel sampled at 60 Hz · "),
                "the app's lab samples at Lab.DEFAULT_HZ = 60");
        try (Lab lab = new Lab(25)) {
            PlaygroundViewModel vm = new PlaygroundViewModel(lab);
            MainWindow w = Fx.on(() -> new MainWindow(new PlaygroundView(vm), lab.sampler().periodNanos()));
            Label live = (Label) w.statusBar().getRightItems().stream()
                    .filter(n -> "liveIndicator".equals(n.getId())).findFirst().orElseThrow();
            assertTrue(live.getText().startsWith("● LIVE · kernel sampled at 25 Hz · "), live.getText());
            assertTrue(Source.tooltipOf(live).contains("every 40.0 ms"), Source.tooltipOf(live));
            vm.close(500);
        }
        assertEquals("60 Hz", MainWindow.hz(16_666_666));
        assertEquals("2.5 Hz", MainWindow.hz(400_000_000));
    }

    @Test
    void saveAsScenarioWithNothingDoneSaysSoAndOpensNoChooser(FxRobot robot) {
        MenuBar menu = robot.lookup("#menuBar").queryAs(MenuBar.class);
        javafx.scene.control.MenuItem item = menu.getMenus().getFirst().getItems().stream()
                .filter(i -> "menuSaveScenario".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Save as scenario…", item.getText());
        assertEquals(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+S"), item.getAccelerator());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.await(5, "the message that nothing was saved", () -> robot.lookup("#scenarioNotSaved").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#scenarioNotSaved").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith("Nothing to save"), pane.getContentText());
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        assertTrue(status.getText().startsWith("Not saved: Nothing to save"), status.getText());
        Fx.run(() -> pane.getScene().getWindow().hide());
    }

    @Test
    void aTraceWithoutALabIsNotBadgedAsARecording() {
        // No recording is shown anywhere yet: the badge says what there is, the events.
        PlaygroundViewModel noLab = new PlaygroundViewModel(new org.sockscope.trace.Trace(), null);
        MainWindow w = Fx.on(() -> new MainWindow(new PlaygroundView(noLab)));
        Label badge = (Label) w.statusBar().getRightItems().stream()
                .filter(n -> "liveIndicator".equals(n.getId())).findFirst().orElseThrow();
        assertEquals("0 events", badge.getText());
        noLab.close(500);
    }
}
