package org.sockscope.ui;

import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
}
