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
import javafx.scene.layout.VBox;
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
    private MenuItem rebuild;
    private PlaygroundView playground;
    private org.sockscope.ui.scenario.ScenarioMode scenarioMode;

    private MainWindow() {
        getStyleClass().add("main-window");
        setId("mainWindow");
        setTop(buildMenuBar());
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

    /**
     * The shell without live mode: no playground, no scenario mode, only {@code reason} (what is
     * missing and what to do, from {@link org.sockscope.posix.LiveSupport}) in the centre.
     */
    public MainWindow(String reason) {
        this();
        Label title = new Label("Live mode is not available here");
        title.getStyleClass().add("placeholder");
        Label why = new Label(reason);
        why.setId("liveUnavailable");
        why.getStyleClass().add("live-unavailable");
        why.setWrapText(true);
        why.setMaxWidth(720);
        VBox box = new VBox(16, title, why);
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(false);
        StackPane centre = new StackPane(box);
        centre.setAlignment(Pos.CENTER);
        setCenter(centre);
        statusBar.setText("Not live");
        rebuild.setDisable(true);
    }

    /** The shell showing the playground, without the sampler's rate (it is not known here). */
    public MainWindow(PlaygroundView playground) {
        this(playground, 0);
    }

    /** The shell showing the playground of a lab whose sampler polls every {@code samplerPeriodNanos} (0: not shown). */
    public MainWindow(PlaygroundView playground, long samplerPeriodNanos) {
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
        String rate = samplerPeriodNanos > 0 ? " at " + hz(samplerPeriodNanos) : "";
        // No badge for a trace without a lab: "recorded" comes back when a recording is really shown.
        live.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (vm.liveProperty().get() ? "● LIVE · kernel sampled" + rate + " · " : "")
                        + vm.eventCountProperty().get() + " events",
                vm.liveProperty(), vm.eventCountProperty()));
        Source.KERNEL.install(live, "Live: the calls run now, on real sockets. The kernel's figures (ioctl,"
                + " getsockopt, TCP_INFO, /proc) are read by a sampler thread" + (samplerPeriodNanos > 0
                        ? " every " + String.format(java.util.Locale.ROOT, "%.1f", samplerPeriodNanos / 1e6)
                                + " ms (its period; the rate is 1 s divided by it)"
                        : "")
                + " and right after a call returns (at most once per 2 ms). Return values come from the calls"
                + " themselves, and each call's time and context switches from its own thread.");
    }

    /** The sampling rate of a sampler period: {@code 16_666_666 ns → "60 Hz"}. */
    static String hz(long periodNanos) {
        double hz = 1e9 / periodNanos;
        return hz >= 10 ? Math.round(hz) + " Hz" : String.format(java.util.Locale.ROOT, "%.1f Hz", hz);
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
        rebuild = new MenuItem("Rebuild connection");
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
