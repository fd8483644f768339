package org.sockscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public final class SockScopeApp extends Application {

    /** Launches the desktop app (blocks until the last window closes). */
    public static void main(String[] args) {
        launch(SockScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setTitle("SockScope");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
    }
}
