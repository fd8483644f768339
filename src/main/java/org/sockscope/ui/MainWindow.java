package org.sockscope.ui;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;

/** The main window's shell: menu bar on top, the current mode in the centre, status bar below. */
public final class MainWindow extends BorderPane {

    private final StatusBar statusBar = new StatusBar();

    /** Builds the shell with an empty centre. */
    public MainWindow() {
        getStyleClass().add("main-window");
        setId("mainWindow");
        setTop(buildMenuBar());
        Label placeholder = new Label("SockScope");
        placeholder.getStyleClass().add("placeholder");
        StackPane centre = new StackPane(placeholder);
        centre.setAlignment(Pos.CENTER);
        setCenter(centre);
        statusBar.setId("statusBar");
        statusBar.setText("Ready");
        setBottom(statusBar);
    }

    /** The shared stylesheet's URL. */
    public static String stylesheet() {
        return MainWindow.class.getResource("sockscope.css").toExternalForm();
    }

    /** The window's status bar. */
    public StatusBar statusBar() {
        return statusBar;
    }

    private MenuBar buildMenuBar() {
        MenuItem quit = new MenuItem("Quit");
        quit.setId("menuQuit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("_File", null, new SeparatorMenuItem(), quit);
        Menu help = new Menu("_Help", null, new MenuItem("About SockScope"));
        MenuBar bar = new MenuBar(file, help);
        bar.setId("menuBar");
        return bar;
    }
}
