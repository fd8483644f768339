package org.sockscope.ui;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.widget.Source;

/** The main window's shell: menu bar on top, the current mode in the centre, status bar below. */
public final class MainWindow extends BorderPane {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private final StatusBar statusBar = new StatusBar();
    private final Label live = new Label();
    private final Label kernel = new Label();
    private PlaygroundView playground;
    private org.sockscope.ui.scenario.ScenarioMode scenarioMode;

    /** The shell with an empty centre saying why (live mode is not available). */
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
        live.setId("liveIndicator");
        live.getStyleClass().add("live-indicator");
        kernel.setId("kernelVersion");
        kernel.getStyleClass().add("kernel-version");
        live.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kernel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        statusBar.getRightItems().addAll(live, kernel);
        setBottom(statusBar);
    }

    /** The shell showing the playground. */
    public MainWindow(PlaygroundView playground) {
        this();
        this.playground = playground;
        setCenter(playground);
        MenuBar menu = (MenuBar) getTop();
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(12, menu, playground.headerItems());
        top.getStyleClass().add("top-bar");
        setTop(top);
        scenarioMode = new org.sockscope.ui.scenario.ScenarioMode(this, menu, top, playground.headerItems());
        PlaygroundViewModel vm = playground.viewModel();
        statusBar.textProperty().bind(vm.messageProperty());
        kernel.textProperty().bind(vm.kernelVersionProperty());
        Source.KERNEL.install(kernel, "/proc/sys/kernel/osrelease: the kernel whose answers you see.");
        live.pseudoClassStateChanged(LIVE, vm.liveProperty().get());
        live.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (vm.liveProperty().get() ? "● LIVE · kernel sampled at 60 Hz · " : "■ RECORDED · ")
                        + vm.eventCountProperty().get() + " events",
                vm.liveProperty(), vm.eventCountProperty()));
        Source.KERNEL.install(live, "Live: every figure is read from the running kernel (ioctl, getsockopt,"
                + " TCP_INFO, /proc) by a sampler thread 60 times a second and after every call.");
    }

    /** The shared stylesheet's URL. */
    public static String stylesheet() {
        return MainWindow.class.getResource("sockscope.css").toExternalForm();
    }

    /** The window's status bar. */
    public StatusBar statusBar() {
        return statusBar;
    }

    /** Playground | Scenarios switching and File ▸ Open scenario…, or null in the placeholder shell. */
    public org.sockscope.ui.scenario.ScenarioMode scenarioMode() {
        return scenarioMode;
    }

    /** The playground shown, or null. */
    public PlaygroundView playground() {
        return playground;
    }

    private MenuBar buildMenuBar() {
        MenuItem rebuild = new MenuItem("Rebuild connection");
        rebuild.setId("menuRebuild");
        rebuild.setOnAction(e -> {
            if (playground != null) {
                playground.viewModel().rebuild();
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setId("menuQuit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("_File", null, rebuild, new SeparatorMenuItem(), quit);
        MenuItem keys = new MenuItem("Keyboard");
        keys.setOnAction(e -> new Alert(Alert.AlertType.INFORMATION, """
                Ctrl+1 / Ctrl+2: jump to P1's / P2's calls (then Tab between fields and buttons)
                Enter in a byte field: make that send() or recv()
                Space / Enter: press the focused button or tick the focused box
                Ctrl+R: rebuild the connection    Ctrl+L: the call log (Ctrl+C copies lines)
                Ctrl+Q: quit""").showAndWait());
        Menu help = new Menu("_Help", null, keys, new MenuItem("About SockScope"));
        MenuBar bar = new MenuBar(file, help);
        bar.setId("menuBar");
        return bar;
    }
}
