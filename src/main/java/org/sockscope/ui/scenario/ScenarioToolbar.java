package org.sockscope.ui.scenario;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The scenario picker and the stepping controls: Reset, Back (review), Next, Run to end, Autoplay
 * with its pace, Run again to here. Every button is disabled while a step is in flight. On a
 * narrow screen the controls wrap to a second row rather than cut the scenario's title.
 */
final class ScenarioToolbar extends FlowPane {
    private final ComboBox<ScenarioFiles.Entry> picker = new ComboBox<>();
    private boolean syncing;

    ScenarioToolbar(ScenarioViewModel vm, Runnable openFile) {
        getStyleClass().add("scenario-toolbar");
        picker.setId("scenarioPicker");
        picker.setPromptText("Pick a scenario…");
        picker.setCellFactory(l -> new EntryCell(false));
        picker.setButtonCell(new EntryCell(true));
        picker.setMinWidth(Region.USE_PREF_SIZE); // as wide as the longest title: never cut
        picker.itemsProperty().bind(Bindings.createObjectBinding(
                () -> javafx.collections.FXCollections.observableArrayList(vm.catalogueProperty().get()), vm.catalogueProperty()));
        picker.valueProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) {
                vm.loadBundled(b.file());
            }
        });
        vm.scenarioProperty().addListener((o, a, s) -> select(s == null ? "" : s.id()));
        vm.catalogueProperty().addListener((o, a, b) -> select(vm.scenarioProperty().get() == null ? "" : vm.scenarioProperty().get().id()));
        Button open = button("openScenario", "Open…", "Open a scenario file (*.yaml). Ctrl+O", openFile);

        BooleanBinding idle = vm.busyProperty().not().and(vm.readyProperty());
        Button reset = button("reset", "⟲ Reset", "A fresh lab, set up again, before step 1. Key: Home", vm::reset);
        reset.disableProperty().bind(vm.busyProperty().or(vm.scenarioProperty().isNull()));
        Button back = button("previous", "◀ Back", "Review the recorded moment after the previous step (the kernel can't"
                + " be rewound). Keys: ← or Page Up", vm::previous);
        back.disableProperty().bind(idle.not().or(vm.positionProperty().isEqualTo(0)));
        Button next = button("next", "Next ▶", "Run the next step on real sockets. Keys: Space, → or Page Down", vm::next);
        next.getStyleClass().add("next-button");
        // In a replay the last step is the last one recorded.
        next.disableProperty().bind(idle.not().or(vm.positionProperty().isEqualTo(vm.totalStepsProperty()))
                .or(vm.replayProperty().and(vm.positionProperty().isEqualTo(vm.stepsRunProperty()))));
        Button end = button("runToEnd", "▶▶ To end", "Run every remaining step. Key: End", vm::runToEnd);
        end.disableProperty().bind(idle.not().or(vm.replayProperty().not().and(vm.stepsRunProperty().isEqualTo(vm.totalStepsProperty())))
                .or(vm.replayProperty().and(vm.positionProperty().isEqualTo(vm.stepsRunProperty()))));
        ToggleButton auto = new ToggleButton("▷ Auto");
        auto.setId("autoplay");
        auto.setTooltip(new Tooltip("Step on its own at the pace set on the right; pauses before the question's"
                + " step so the class can predict. Key: P"));
        auto.selectedProperty().bindBidirectional(vm.autoplayProperty());
        auto.disableProperty().bind(vm.readyProperty().not());
        Slider speed = new Slider(0.5, 8, vm.secondsPerStepProperty().get());
        speed.setId("speed");
        speed.setPrefWidth(90);
        speed.setFocusTraversable(false);
        speed.valueProperty().bindBidirectional(vm.secondsPerStepProperty());
        speed.setTooltip(new Tooltip("Autoplay's pace: seconds per step. Keys: + faster, − slower"));
        Label pace = new Label();
        pace.getStyleClass().add("pace");
        pace.textProperty().bind(Bindings.format("%.1f s", vm.secondsPerStepProperty()));
        Button again = button("runAgain", "↻ Run again to here", "Replay from a fresh lab up to the step on screen."
                + " Key: F5", vm::runAgainToHere);
        // a recording has no lab to run again
        again.visibleProperty().bind(vm.replayProperty().not().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.playsRecordings())));
        again.managedProperty().bind(again.visibleProperty());
        again.disableProperty().bind(idle.not());
        ToggleButton both = new ToggleButton("both buffers");
        both.setId("allBuffers");
        both.setTooltip(new Tooltip("Draw each socket's send and receive buffers, not only the ones the scenario uses."));
        both.selectedProperty().bindBidirectional(vm.allBuffersProperty());
        HBox file = new HBox(6, picker, open);
        file.getStyleClass().add("toolbar-group");
        HBox steps = new HBox(6, reset, back, next, end, auto, speed, pace, again, both);
        steps.getStyleClass().add("toolbar-group");
        getChildren().addAll(file, steps);
        for (var n : java.util.List.of(open, reset, back, next, end, auto, speed, pace, again, both)) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        file.setMinWidth(Region.USE_PREF_SIZE);
        steps.setMinWidth(Region.USE_PREF_SIZE);
    }

    private void select(String id) {
        syncing = true;
        try {
            picker.setValue(picker.getItems().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null));
        } finally {
            syncing = false;
        }
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A bundled scenario: its title, and the slide it belongs to. */
    private static final class EntryCell extends ListCell<ScenarioFiles.Entry> {
        private final boolean compact;

        EntryCell(boolean compact) {
            this.compact = compact;
        }

        @Override
        protected void updateItem(ScenarioFiles.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (compact) {
                setGraphic(null);
                setText(e.title());
                return;
            }
            Label title = new Label(e.title());
            title.getStyleClass().add("entry-title");
            Label slide = new Label("slide: " + e.slide());
            slide.getStyleClass().add("entry-slide");
            setText(null);
            setGraphic(new VBox(title, slide));
        }
    }
}
