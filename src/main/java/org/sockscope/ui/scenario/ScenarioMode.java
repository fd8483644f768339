package org.sockscope.ui.scenario;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.WindowEvent;
import org.controlsfx.control.SegmentedButton;

import java.util.List;

/**
 * Puts the scenario mode into the main window: a Playground | Scenarios switch in the top bar, a
 * View menu (Ctrl+Shift+1 / Ctrl+Shift+2: Ctrl+1 and Ctrl+2 already move into P1's and P2's calls
 * in the playground), File ▸ Open scenario… (Ctrl+O) and the scenario keys under Help. The
 * scenario view is built when first shown; its lab is closed when the window goes away.
 * System properties {@code sockscope.scenario} (name or file), {@code sockscope.step} and
 * {@code sockscope.reveal} (set by {@code --scenario}, {@code --step}, {@code --reveal}) open it at start.
 */
public final class ScenarioMode {
    /** View ▸ Playground. */
    public static final KeyCombination PLAYGROUND = KeyCombination.keyCombination("Shortcut+Shift+1");
    /** View ▸ Scenarios. */
    public static final KeyCombination SCENARIOS = KeyCombination.keyCombination("Shortcut+Shift+2");
    /** File ▸ Open scenario…. */
    public static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");
    private static final long CLOSE_BUDGET_MILLIS = 700;

    private final BorderPane window;
    private final Node playgroundHeader;
    private final ToggleButton playgroundButton = new ToggleButton("Playground");
    private final ToggleButton scenariosButton = new ToggleButton("Scenarios");
    private final RadioMenuItem playgroundItem = new RadioMenuItem("Playground");
    private final RadioMenuItem scenariosItem = new RadioMenuItem("Scenarios");
    private Node playgroundCentre;
    private Node playgroundBottom;
    private ScenarioView view;

    /**
     * Adds the mode switch to {@code top} (after the menu bar), the menu items to {@code menu},
     * and hides {@code playgroundHeader} while scenarios are shown.
     */
    public ScenarioMode(BorderPane window, MenuBar menu, HBox top, Node playgroundHeader) {
        this.window = window;
        this.playgroundHeader = playgroundHeader;
        playgroundButton.setId("modePlayground");
        scenariosButton.setId("modeScenarios");
        playgroundButton.setSelected(true);
        SegmentedButton modes = new SegmentedButton(playgroundButton, scenariosButton);
        modes.setId("modeSwitch");
        modes.getStyleClass().add("mode-switch");
        // The mode names never shrink to "Pl…": the header's note gives way instead.
        for (ToggleButton b : List.of(playgroundButton, scenariosButton)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        modes.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        playgroundButton.setOnAction(e -> showPlayground());
        scenariosButton.setOnAction(e -> showScenarios());
        top.getChildren().add(Math.min(1, top.getChildren().size()), modes);

        ToggleGroup group = new ToggleGroup();
        playgroundItem.setToggleGroup(group);
        scenariosItem.setToggleGroup(group);
        playgroundItem.setSelected(true);
        playgroundItem.setId("menuPlayground");
        scenariosItem.setId("menuScenarios");
        playgroundItem.setAccelerator(PLAYGROUND);
        scenariosItem.setAccelerator(SCENARIOS);
        playgroundItem.setOnAction(e -> showPlayground());
        scenariosItem.setOnAction(e -> showScenarios());
        menu.getMenus().add(Math.min(1, menu.getMenus().size()), new Menu("_View", null, playgroundItem, scenariosItem));
        MenuItem open = new MenuItem("Open scenario…");
        open.setId("menuOpenScenario");
        open.setAccelerator(OPEN);
        open.setOnAction(e -> {
            showScenarios();
            view.chooseFile();
        });
        if (!menu.getMenus().isEmpty()) {
            MenuItem compare = new MenuItem("Compare with the recording");
            compare.setId("menuCompareRecording");
            compare.setOnAction(e -> compareWithRecording());
            menu.getMenus().getFirst().getItems().addAll(0, java.util.List.of(open, compare, new SeparatorMenuItem()));
            MenuItem keys = new MenuItem("Scenario keys");
            keys.setOnAction(e -> new Alert(Alert.AlertType.INFORMATION, ScenarioKeys.HELP).showAndWait());
            menu.getMenus().getLast().getItems().add(0, keys);
        }
        window.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                // The mode switch and the menu bar are outside the scenario view: its keys work there too.
                scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (view != null && window.getCenter() == view && !inside(e.getTarget())) {
                        ScenarioKeys.handle(e, view.viewModel());
                    }
                });
                scene.windowProperty().addListener((ow, wa, w) -> {
                    if (w != null) {
                        w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> close(CLOSE_BUDGET_MILLIS));
                    }
                });
            }
        });
        fromCommandLine();
    }

    /** Whether {@code target} is in the scenario view (whose own filter handles its keys). */
    private boolean inside(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n == view) {
                return true;
            }
        }
        return false;
    }

    /** Shows the scenario mode (built on first use). */
    public void showScenarios() {
        if (view == null) {
            view = new ScenarioView(new ScenarioViewModel());
        }
        if (window.getCenter() != view) {
            playgroundCentre = window.getCenter();
            playgroundBottom = window.getBottom();
            window.setCenter(view);
            window.setBottom(null);
            playgroundHeader.setVisible(false);
            playgroundHeader.setManaged(false);
        }
        sync(true);
        view.requestFocus();
    }

    /** Shows the playground again (the scenario's lab keeps its state). */
    public void showPlayground() {
        if (view != null && window.getCenter() == view) {
            window.setCenter(playgroundCentre);
            window.setBottom(playgroundBottom);
            playgroundHeader.setVisible(true);
            playgroundHeader.setManaged(true);
        }
        sync(false);
    }

    private void sync(boolean scenarios) {
        scenariosButton.setSelected(scenarios);
        playgroundButton.setSelected(!scenarios);
        scenariosItem.setSelected(scenarios);
        playgroundItem.setSelected(!scenarios);
    }

    /**
     * File ▸ Compare with the recording: where this kernel did otherwise than the one that made the
     * bundled recording of the scenario, step by step (recorded vs now), for the steps run so far.
     */
    private void compareWithRecording() {
        var s = view == null ? null : view.viewModel().session();
        String text;
        try {
            text = s == null ? "Run a bundled scenario first (Scenarios), then compare it with its recording."
                    : org.sockscope.cli.Compare.text(s);
        } catch (java.io.IOException e) {
            text = "Cannot compare: " + e.getMessage();
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText("Today's kernel vs the recording");
        a.getDialogPane().setMinWidth(720);
        a.show();
    }

    /** The scenario view, or null before it was first shown. */
    public ScenarioView view() {
        return view;
    }

    /** Closes the scenario's lab (waking blocked calls) within about {@code millis}. */
    public boolean close(long millis) {
        return view == null || view.viewModel().close(millis);
    }

    /** {@code --scenario NAME [--step N] [--reveal LETTER]}, passed on as system properties by the launcher. */
    private void fromCommandLine() {
        String name = System.getProperty("sockscope.scenario", "");
        if (name.isBlank()) {
            return;
        }
        showScenarios();
        ScenarioViewModel vm = view.viewModel();
        int steps;
        try {
            steps = Integer.parseInt(System.getProperty("sockscope.step", "0").trim());
        } catch (NumberFormatException e) {
            steps = 0;
        }
        vm.openAny(name, steps);
        String reveal = System.getProperty("sockscope.reveal", "").trim();
        if (!reveal.isEmpty()) {
            // Once set-up (and the first steps) are done: pick, then reveal.
            ChangeListener<Boolean> once = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                    if (!busy && vm.readyProperty().get()) {
                        vm.busyProperty().removeListener(this);
                        vm.pick(reveal.toUpperCase(java.util.Locale.ROOT));
                        vm.reveal();
                    }
                }
            };
            vm.busyProperty().addListener(once);
        }
    }
}
