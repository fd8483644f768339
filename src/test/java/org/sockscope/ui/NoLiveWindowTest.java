package org.sockscope.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.posix.LiveSupport;
import org.sockscope.ui.playground.Fx;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without live mode ({@code -Dsockscope.live=off}, as on a Mac or without native access) the
 * window still opens and shows one message saying why, instead of a playground that never answers.
 */
@ExtendWith(ApplicationExtension.class)
class NoLiveWindowTest {
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // Read once, in start(); cleared right after so no other test sees it.
        System.setProperty(LiveSupport.PROPERTY, "off");
        try {
            app.start(stage);
        } finally {
            System.clearProperty(LiveSupport.PROPERTY);
        }
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void fileOpenRecordingReplaysInThisWindow(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // Made here on real sockets, opened where live mode is off: as a lecturer's Mac opens a Linux recording.
        org.sockscope.trace.SomeCalls.Run run = org.sockscope.trace.SomeCalls.record();
        java.nio.file.Path file = dir.resolve("run.sockscope");
        org.sockscope.trace.RecordingFile.write(new org.sockscope.trace.Recording(
                org.sockscope.trace.RecordingHeader.playground(run.trace(), run.samplerPeriodNanos()), run.trace()), file);
        MainWindow w = (MainWindow) stage.getScene().getRoot();
        assertTrue(Fx.on(() -> w.openRecording(file)));
        assertTrue(w.replay() != null, "the replay replaces the message");
        assertTrue(robot.lookup("#liveUnavailable").tryQuery().isEmpty());
        assertEquals("REPLAY", robot.lookup("#replayBadge").queryAs(Label.class).getText());
        assertEquals(1, Window.getWindows().size(), "in this window, not another");
        assertNull(app.viewModel(), "still no lab");
    }

    @Test
    void theWindowOpensWithOneMessageAndNoLiveModes(FxRobot robot) {
        assertTrue(stage.isShowing());
        assertEquals("SockScope", stage.getTitle());
        Label why = robot.lookup("#liveUnavailable").queryAs(Label.class);
        assertTrue(Fx.on(why::isVisible));
        assertTrue(why.getText().contains("-Dsockscope.live=off"), why.getText());
        assertNull(app.viewModel(), "no playground view-model: nothing would answer it");
        MainWindow w = (MainWindow) stage.getScene().getRoot();
        assertNull(w.playground());
        assertNull(w.scenarioMode(), "no scenario mode");
        assertTrue(w.scenarioReplay() != null && w.scenarioReplay().viewModel().playsRecordings(),
                "below the message, the bundled scenarios, played from their recordings");
        assertTrue(robot.lookup("#runAgain").tryQuery().map(n -> !Fx.on(n::isVisible)).orElse(true), "nothing to run again");
        assertTrue(robot.lookup("#modeSwitch").tryQuery().isEmpty(), "no Playground | Scenarios switch");
        assertTrue(robot.lookup("#p1Send").tryQuery().isEmpty(), "no call buttons");
        List<Node> all = Fx.on(() -> List.copyOf(stage.getScene().getRoot().lookupAll("*")));
        assertTrue(all.stream().noneMatch(n -> n instanceof ProgressIndicator p && p.isVisible() && p.isIndeterminate()),
                "nothing busy-forever");
        List<String> texts = all.stream().filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && t.contains("Live mode")).toList();
        assertEquals(List.of("Live mode is not available here", why.getText()), texts, "the message once, under its title");
        MenuBar menu = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem rebuild = menu.getMenus().getFirst().getItems().stream()
                .filter(i -> "menuRebuild".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(rebuild.isDisable(), "nothing to rebuild");
        assertFalse(menu.getMenus().stream().anyMatch(m -> m.getText().contains("View")), "no mode menu");
    }
}
