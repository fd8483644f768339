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
        // The processes take the height they need; the log gets the rest (at least a few lines).
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox centre = new VBox(processes, log);
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
        Label honest = new Label("P1 and P2 are two threads of one process (pid " + ProcessHandle.current().pid()
                + "), sharing ONE descriptor table: both columns show it, their own descriptors in bold.");
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip("While both run inside this app, P1 and P2"
                + " are threads of one JVM process: the kernel keeps one descriptor table per process, so they see the"
                + " same numbers. Separate processes (each with its own table, as in the lecture) come in a later version.");
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
        headerItems.getChildren().setAll(honest, showSettings);
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
