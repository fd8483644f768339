package org.sockscope.ui.playground;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sockscope.lab.Lab;
import org.sockscope.ui.MainWindow;

/**
 * Opens the real app window and plays {@link DemoScript}, for the README screenshot:
 * {@code /work/shared/tools/screenshot assets/playground.png 25 ./mvnw -q exec:exec -Dexec.classpathScope=test
 * -Dexec.executable=java -Dexec.args="--enable-native-access=ALL-UNNAMED -cp %classpath org.sockscope.ui.playground.PlaygroundDemo"}.
 */
public final class PlaygroundDemo {
    private PlaygroundDemo() {
    }

    /** Starts the demo window. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The app's window, as SockScopeApp builds it, with the script playing. */
    public static final class Window extends Application {
        private PlaygroundViewModel vm;

        @Override
        public void start(Stage stage) {
            vm = new PlaygroundViewModel(new Lab());
            PlaygroundView view = new PlaygroundView(vm);
            Scene scene = new Scene(new MainWindow(view), 1280, 720);
            scene.getStylesheets().add(MainWindow.stylesheet());
            view.installAccelerators(scene);
            stage.setTitle("SockScope");
            stage.setScene(scene);
            stage.show();
            vm.rebuild();
            DemoScript.play(vm, () -> System.out.println("demo state reached"));
        }

        @Override
        public void stop() {
            vm.close(800);
        }
    }
}
