package org.sockscope.ui;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Trace;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.replay.RecordingFiles;
import org.sockscope.ui.replay.ReplayView;
import org.sockscope.ui.replay.ReplayViewModel;
import org.sockscope.ui.widget.Source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** The main window's shell: menu bar on top, the current mode in the centre, status bar below. */
public final class MainWindow extends BorderPane {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass REPLAYING = PseudoClass.getPseudoClass("replay");
    private final StatusBar statusBar = new StatusBar();
    private final Label live = new Label();
    private final Label kernel = new Label();
    private MenuItem rebuild;
    private MenuItem openRecording;
    private MenuItem saveRecording;
    private MenuItem saveScenario;
    private long samplerPeriodNanos;
    private ReplayView replay;
    /** A scenario recording shown in the scenario view, or null. */
    private org.sockscope.ui.scenario.ScenarioView scenarioReplay;
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
        VBox box = new VBox(6, title, why);
        box.setId("noLiveBanner");
        box.getStyleClass().add("no-live-banner");
        // Below it, the scenario mode on the bundled scenarios' recordings: the whole lecture, on any OS.
        org.sockscope.ui.scenario.ScenarioView recorded = new org.sockscope.ui.scenario.ScenarioView(
                org.sockscope.ui.scenario.ScenarioViewModel.recordings());
        scenarioReplay = recorded;
        VBox.setVgrow(recorded, javafx.scene.layout.Priority.ALWAYS);
        setCenter(new VBox(box, recorded));
        statusBar.setText("Not live · the bundled scenarios play from their recordings; File ▸ Open recording… replays any other");
        rebuild.setDisable(true);
        saveRecording.setDisable(true);
        saveScenario.setDisable(true);
    }

    /** The shell replaying {@code recording}: no lab, no live mode; the REPLAY badge says where and when it was made. */
    public static MainWindow replaying(Recording recording) {
        MainWindow w = new MainWindow();
        w.showReplay(recording);
        return w;
    }

    private void showReplay(Recording recording) {
        closeReplay();
        org.sockscope.ui.scenario.ScenarioViewModel scenarioVm = recording.scenario()
                ? org.sockscope.ui.scenario.ScenarioViewModel.recordings() : null;
        if (scenarioVm != null && scenarioVm.play(recording)) {
            // A scenario recording in the scenario view itself: code, columns, buffers, question and verdict.
            scenarioReplay = new org.sockscope.ui.scenario.ScenarioView(scenarioVm);
            setCenter(scenarioReplay);
            // --replay FILE --step N --reveal LETTER (a demo, a screenshot)
            scenarioVm.showStep(Integer.getInteger("sockscope.step", 0));
            String letter = System.getProperty("sockscope.reveal", "").trim();
            if (!letter.isEmpty()) {
                scenarioVm.pick(letter.toUpperCase(java.util.Locale.ROOT));
                scenarioVm.reveal();
            }
        } else {
            if (scenarioVm != null) {
                scenarioVm.close(50); // a recording without step reports: its calls as recorded
            }
            replay = new ReplayView(new ReplayViewModel(recording));
            setCenter(replay);
        }
        live.setText("▶ " + recording.badgeText());
        live.pseudoClassStateChanged(REPLAYING, true);
        Source.KERNEL.install(live, recording.badgeDetail());
        kernel.setText(recording.header().kernel() + " (recorded)");
        Source.KERNEL.install(kernel, "The kernel that answered when this was recorded, not this machine's.");
        statusBar.setText("Replaying a recording: nothing runs now");
        rebuild.setDisable(true);
        saveRecording.setDisable(true);
        saveScenario.setDisable(true);
    }

    /** The title of a window replaying {@code file}. */
    public static String replayTitle(Path file) {
        return "SockScope · replay of " + file.getFileName();
    }

    /** Stops the replay shown, if any (its autoplay and background work). */
    public void closeReplay() {
        if (replay != null) {
            replay.viewModel().close();
            replay = null;
        }
        if (scenarioReplay != null) {
            scenarioReplay.viewModel().close(50);
            scenarioReplay = null;
        }
    }

    /** The scenario view showing a scenario recording (or, without live mode, the bundled ones), or null. */
    public org.sockscope.ui.scenario.ScenarioView scenarioReplay() {
        return scenarioReplay;
    }

    /** The replay shown, or null. */
    public ReplayView replay() {
        return replay;
    }

    /**
     * Opens the recording in {@code file}: in this window when it runs nothing live, else in a window
     * of its own. A bad file leaves everything as it was and says, in the status bar and a message,
     * which file and what is wrong. Returns false then.
     */
    public boolean openRecording(Path file) {
        Recording r;
        try {
            r = RecordingFile.read(file);
        } catch (IOException e) {
            String text = "Could not open the recording " + e.getMessage();
            statusBar.setText(text);
            Alert alert = new Alert(Alert.AlertType.ERROR, text);
            alert.setHeaderText("Not a recording SockScope can replay");
            alert.show();
            return false;
        }
        if (playground == null) {
            showReplay(r);
        } else {
            javafx.stage.Stage stage = new javafx.stage.Stage();
            MainWindow w = replaying(r);
            javafx.scene.Scene scene = new javafx.scene.Scene(w, 1280, 720);
            scene.getStylesheets().add(stylesheet());
            Presenter.install(scene, stage);
            stage.setTitle(replayTitle(file));
            stage.setScene(scene);
            stage.setOnHidden(e -> w.closeReplay());
            stage.show();
        }
        return true;
    }

    /**
     * Saves the run on screen (the playground's, or the scenario's in scenario mode) to {@code file};
     * completes with the sentence the status bar then shows.
     */
    public CompletableFuture<String> saveRecording(Path file) {
        CompletableFuture<String> done;
        try {
            done = RecordingFiles.save(currentRun(), file);
        } catch (IllegalStateException e) {
            done = CompletableFuture.completedFuture("Nothing saved: " + e.getMessage());
        }
        return done.whenComplete((text, e) -> Platform.runLater(() -> statusBar.setText(text)));
    }

    /**
     * File ▸ Save as scenario…: unless there is nothing to save (then a message says why and no
     * chooser opens), asks where (default {@code playground.yaml}) and saves there.
     */
    private void chooseAndSaveScenario() {
        if (playground == null) {
            return;
        }
        if (getCenter() != playground) {
            statusBar.setText("Save as scenario saves what you did in the playground: switch to it (Ctrl+Shift+1) first.");
            return;
        }
        try {
            playground.viewModel().scenarioYaml();
        } catch (RuntimeException e) {
            notSaved(e.getMessage());
            return;
        }
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle("Save as scenario");
        c.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("Scenarios (*.yaml)", "*.yaml", "*.yml"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        c.setInitialFileName("playground.yaml");
        java.io.File f = c.showSaveDialog(getScene().getWindow());
        if (f != null) {
            saveScenario(f.toPath());
        }
    }

    /**
     * Saves what was done in the playground as a scenario in {@code file}, off the FX thread;
     * completes with the sentence the status bar then shows. When nothing was saved (nothing done, a
     * disk error) a message box says why, and the status bar too.
     */
    public CompletableFuture<String> saveScenario(Path file) {
        return playground.viewModel().saveScenario(file).handle((text, e) -> {
            String shown = e == null ? text : reason(e);
            Platform.runLater(() -> {
                if (e == null) {
                    statusBar.setText(shown);
                } else {
                    notSaved(shown);
                }
            });
            return shown;
        });
    }

    private static String reason(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private void notSaved(String why) {
        statusBar.setText("Not saved: " + why);
        Alert alert = new Alert(Alert.AlertType.ERROR, why);
        alert.setHeaderText("The scenario was not saved");
        alert.getDialogPane().setId("scenarioNotSaved");
        alert.show();
    }

    /**
     * Exports the run on screen (a replay's recording, or the live run) to {@code file}: Chrome Trace
     * Event JSON when its name ends {@code .json}, else strace-style text; completes with the status sentence.
     */
    public CompletableFuture<String> export(Path file) {
        CompletableFuture<String> done;
        try {
            Recording replayed = replay != null ? replay.viewModel().recording()
                    : scenarioReplay != null ? scenarioReplay.viewModel().recordingProperty().get() : null;
            done = RecordingFiles.export(replayed != null ? () -> replayed : currentRun(), file);
        } catch (IllegalStateException e) {
            done = CompletableFuture.completedFuture("Nothing exported: " + e.getMessage());
        }
        return done.whenComplete((text, e) -> Platform.runLater(() -> statusBar.setText(text)));
    }

    /**
     * The run on screen, decided here on the FX thread; the recording itself is made by the work
     * returned, off it (a scenario session's figures wait for a step that is still being run).
     */
    private java.util.concurrent.Callable<Recording> currentRun() {
        var sm = scenarioMode;
        if (sm != null && sm.view() != null && getCenter() == sm.view()) {
            ScenarioSession s = sm.view().viewModel().session();
            if (s == null) {
                throw new IllegalStateException("no scenario has been set up yet");
            }
            return () -> org.sockscope.cli.Recorder.of(s);
        }
        if (playground == null) {
            throw new IllegalStateException("no live run here to save");
        }
        Trace t = playground.viewModel().trace();
        long period = samplerPeriodNanos;
        return () -> new Recording(RecordingHeader.playground(t, period), t);
    }

    /** The shell showing the playground, without the sampler's rate (it is not known here). */
    public MainWindow(PlaygroundView playground) {
        this(playground, 0);
    }

    /** The shell showing the playground of a lab whose sampler polls every {@code samplerPeriodNanos} (0: not shown). */
    public MainWindow(PlaygroundView playground, long samplerPeriodNanos) {
        this();
        this.playground = playground;
        this.samplerPeriodNanos = samplerPeriodNanos;
        setCenter(playground);
        MenuBar menu = (MenuBar) getTop();
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(12, menu, playground.headerItems());
        top.getStyleClass().add("top-bar");
        setTop(top);
        scenarioMode = new org.sockscope.ui.scenario.ScenarioMode(this, menu, top, playground.headerItems());
        PlaygroundViewModel vm = playground.viewModel();
        statusBar.setText(vm.messageProperty().get()); // not bound: the window says its own news there too
        vm.messageProperty().addListener((o, a, b) -> statusBar.setText(b));
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
        openRecording = new MenuItem("Open recording…");
        openRecording.setId("menuOpenRecording");
        openRecording.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openRecording.setOnAction(e -> RecordingFiles.chooseToOpen(getScene().getWindow()).ifPresent(this::openRecording));
        saveRecording = new MenuItem("Save recording…");
        saveRecording.setId("menuSaveRecording");
        saveRecording.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveRecording.setOnAction(e -> RecordingFiles.chooseToSave(getScene().getWindow(), "sockscope-run")
                .ifPresent(this::saveRecording));
        saveScenario = new MenuItem("Save as scenario…");
        saveScenario.setId("menuSaveScenario");
        saveScenario.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveScenario.setOnAction(e -> chooseAndSaveScenario());
        MenuItem export = new MenuItem("Export for Perfetto or as strace text…");
        export.setId("menuExport");
        export.setOnAction(e -> RecordingFiles.chooseToExport(getScene().getWindow(), "sockscope-run").ifPresent(this::export));
        Menu file = new Menu("_File", null, openRecording, saveRecording, saveScenario, export, new SeparatorMenuItem(), rebuild,
                new SeparatorMenuItem(), quit);
        MenuItem keys = new MenuItem("Keyboard");
        keys.setOnAction(e -> new Alert(Alert.AlertType.INFORMATION, """
                Ctrl+1 / Ctrl+2: jump to P1's / P2's calls (then Tab between fields and buttons)
                Enter in a byte field: make that send() or recv()
                Space / Enter: press the focused button or tick the focused box
                Ctrl+R: rebuild the connection    Ctrl+L: the call log (Ctrl+C copies lines)
                Ctrl+S: save a recording    Ctrl+Shift+O: open one (in a replay: → or Space next, ← back, Home, End)
                Ctrl+Shift+S: save what you did in the playground as a scenario (YAML)
                Ctrl+Q: quit""").showAndWait());
        Menu help = new Menu("_Help", null, keys, new MenuItem("About SockScope"));
        MenuBar bar = new MenuBar(file, help);
        bar.setId("menuBar");
        return bar;
    }
}
