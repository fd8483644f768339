package org.sockscope.ui.playground;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import org.sockscope.ui.widget.CallLog;

/**
 * Playground mode: P1 (client) and P2 (server) side by side on one real connection, the call log
 * below, the connection settings in a drawer over the right-hand side. One AnimationTimer polls the trace once per frame
 * and renders the newest Snapshot; nothing here waits for the kernel.
 */
public final class PlaygroundView extends BorderPane {
    private final PlaygroundViewModel vm;
    private final ProcessView client;
    private final ProcessView server;
    private final CallLog log = new CallLog();
    private final SettingsPanel settings;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (vm.isClosed()) {
                stop();
                return;
            }
            vm.refresh();
        }
    };

    /** The playground for {@code vm}. */
    public PlaygroundView(PlaygroundViewModel vm) {
        this.vm = vm;
        setId("playground");
        getStyleClass().add("playground");
        client = new ProcessView(Side.CLIENT, vm);
        server = new ProcessView(Side.SERVER, vm);
        HBox.setHgrow(client, Priority.ALWAYS);
        HBox.setHgrow(server, Priority.ALWAYS);
        client.setMinWidth(0);
        server.setMinWidth(0);
        client.setPrefWidth(100);
        server.setPrefWidth(100);
        HBox processes = new HBox(client, server);
        processes.getStyleClass().add("processes");

        log.setItems(vm.log());
        log.setId("callLog");
        // The processes take the height they need; the log gets the rest (at least a few lines). On a
        // short screen (a 1024×768 projector) the processes scroll, never sideways.
        javafx.scene.control.ScrollPane processScroll = new javafx.scene.control.ScrollPane(processes);
        processScroll.setFitToWidth(true);
        processScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        processScroll.getStyleClass().add("processes-scroll");
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox centre = new VBox(processScroll, log);
        centre.getStyleClass().add("playground-centre");
        setCenter(centre);

        settings = new SettingsPanel(vm, () -> showSettings.setSelected(false));
        // A drawer over the columns, not beside them: at 1280 px the columns need all the width.
        settings.visibleProperty().bind(showSettings.selectedProperty());
        settings.managedProperty().bind(showSettings.selectedProperty());
        settings.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(settings, Pos.TOP_RIGHT);
        StackPane.setMargin(settings, new javafx.geometry.Insets(2, 14, 0, 0));
        setCenter(new StackPane(getCenter(), settings));
        setTop(banner());
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                frames.stop();
            } else {
                frames.start();
            }
        });
    }

    private final HBox headerItems = new HBox(12);
    private final ToggleButton showSettings = new ToggleButton("Settings");

    private VBox banner() {
        Label honest = new Label();
        honest.textProperty().bind(vm.tablesProperty());
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip("The kernel keeps one descriptor table per"
                + " process. As two processes (child JVMs of SockScope), P1 and P2 each have their own; as two threads of"
                + " SockScope's own process, they share its one table and see the same numbers. The switch rebuilds"
                + " the connection either way.");
        why.setWrapText(true);
        why.setMaxWidth(520);
        honest.setTooltip(why);
        honest.getStyleClass().add("honesty");
        honest.setMinWidth(0);
        honest.setId("honesty");
        HBox.setHgrow(honest, Priority.ALWAYS);
        honest.setMaxWidth(Double.MAX_VALUE);
        showSettings.setId("toggleSettings");
        showSettings.setSelected(false);
        showSettings.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton processes = new ToggleButton("2 processes");
        processes.setId("asProcesses");
        ToggleButton threads = new ToggleButton("2 threads");
        processes.setTooltip(new javafx.scene.control.Tooltip("P1 and P2 as two real processes, a descriptor table each"));
        threads.setTooltip(new javafx.scene.control.Tooltip("P1 and P2 as two threads of SockScope's process, one shared table"));
        threads.setId("asThreads");
        org.controlsfx.control.SegmentedButton asWhat = new org.controlsfx.control.SegmentedButton(processes, threads);
        asWhat.setMinWidth(Region.USE_PREF_SIZE);
        Runnable select = () -> (vm.processesProperty().get() ? processes : threads).setSelected(true);
        select.run();
        vm.processesProperty().addListener((o, a, b) -> select.run());
        processes.setOnAction(e -> {
            if (!vm.processesProperty().get()) {
                vm.setProcesses(true);
            }
            select.run(); // a second click on the selected one keeps it selected
        });
        threads.setOnAction(e -> {
            if (vm.processesProperty().get()) {
                vm.setProcesses(false);
            }
            select.run();
        });
        asWhat.disableProperty().bind(vm.rebuildingProperty().or(vm.liveProperty().not()));
        showSettings.disableProperty().bind(vm.liveProperty().not());
        headerItems.getChildren().setAll(honest, asWhat, showSettings);
        headerItems.getStyleClass().add("banner-row");
        HBox.setHgrow(headerItems, Priority.ALWAYS);

        Label error = new Label();
        error.setId("errorText");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        HBox.setHgrow(error, Priority.ALWAYS);
        error.setMaxWidth(Double.MAX_VALUE);
        Button rebuild = new Button("Rebuild connection");
        rebuild.setId("errorRebuild");
        rebuild.setOnAction(e -> vm.rebuild());
        rebuild.disableProperty().bind(vm.rebuildingProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> vm.dismissError());
        HBox errorBar = new HBox(10, new Label("⚠"), error, rebuild, dismiss);
        errorBar.getStyleClass().add("error-bar");
        errorBar.setId("errorBar");
        errorBar.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBar.managedProperty().bind(errorBar.visibleProperty());
        VBox top = new VBox(errorBar);
        top.getStyleClass().add("banner");
        return top;
    }

    /** Keyboard shortcuts: Ctrl+1 / Ctrl+2 into P1's / P2's calls, Ctrl+L to the log, Ctrl+R rebuilds. */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+1"), whenShown(client::focusCalls));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+2"), whenShown(server::focusCalls));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+L"), whenShown(log::requestFocus));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), whenShown(vm::rebuild));
    }

    /** The keys are the scene's, but act only while the playground is on screen (not in scenario mode). */
    private Runnable whenShown(Runnable action) {
        return () -> {
            if (getScene() != null) {
                action.run();
            }
        };
    }

    /**
     * The header line: the honest note that P1 and P2 share one process and one descriptor table,
     * and the settings toggle. The main window puts it beside its menu bar to save a line.
     */
    public HBox headerItems() {
        return headerItems;
    }

    /** The view-model. */
    public PlaygroundViewModel viewModel() {
        return vm;
    }
}
