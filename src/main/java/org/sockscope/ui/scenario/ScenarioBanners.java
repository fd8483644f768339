package org.sockscope.ui.scenario;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sockscope.scenario.ScenarioError;

import java.util.ArrayList;
import java.util.List;

/**
 * The bars above the scenario: a refused file's every located error (file:line:col, what is
 * wrong, what is allowed), a failure of any session work (set-up, a step, the reveal, a frame)
 * with the button that starts again on a fresh lab, and the "reviewing" notice that says the
 * kernel cannot be rewound. Each is hidden when there is nothing to say.
 */
final class ScenarioBanners extends VBox {

    ScenarioBanners(ScenarioViewModel vm) {
        getStyleClass().add("scenario-banners");
        getChildren().addAll(replay(vm), loadErrors(vm), failure(vm), review(vm));
    }

    /** The REPLAY badge: a recording, where and when it was made; nothing runs now. */
    private static Node replay(ScenarioViewModel vm) {
        Label badge = new Label("REPLAY");
        badge.setId("scenarioReplayBadge");
        badge.getStyleClass().add("replay-badge");
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label where = new Label();
        where.setId("scenarioReplayWhere");
        where.getStyleClass().add("replay-where");
        where.setWrapText(true);
        where.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(where, Priority.ALWAYS);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        badge.setTooltip(tip);
        where.setTooltip(tip);
        java.util.function.Consumer<org.sockscope.trace.Recording> show = r -> {
            where.setText(r == null ? "" : "recorded on " + r.header().where() + " · every figure is that kernel's; nothing runs now");
            tip.setText(r == null ? "" : r.badgeDetail());
        };
        vm.recordingProperty().addListener((o, a, r) -> show.accept(r));
        show.accept(vm.recordingProperty().get());
        HBox bar = new HBox(10, badge, where);
        bar.setId("scenarioReplay");
        bar.getStyleClass().add("replay-bar");
        bar.visibleProperty().bind(vm.replayProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static Node loadErrors(ScenarioViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("errors-title");
        title.setWrapText(true);
        VBox rows = new VBox();
        rows.getStyleClass().add("error-rows");
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissErrors");
        dismiss.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.dismissErrors());
        HBox head = new HBox(10, new Label("⚠"), title, dismiss);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        head.getStyleClass().add("errors-head");
        VBox box = new VBox(head, rows);
        box.setId("loadErrors");
        box.getStyleClass().add("load-errors");
        vm.loadErrorsProperty().addListener((o, a, errors) -> {
            box.setVisible(!errors.isEmpty());
            box.setManaged(!errors.isEmpty());
            if (errors.isEmpty()) {
                return;
            }
            String file = errors.getFirst().file();
            title.setText("Could not open " + file + ": " + errors.size() + (errors.size() == 1 ? " problem" : " problems")
                    + ". Nothing was loaded; " + (vm.scenarioProperty().get() == null ? "pick a scenario to go on."
                    : "“" + vm.scenarioProperty().get().title() + "” is still loaded and running."));
            List<Node> lines = new ArrayList<>();
            for (ScenarioError e : errors) {
                Label where = new Label(e.file() + ":" + e.line() + ":" + e.column());
                where.getStyleClass().add("error-where");
                where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label what = new Label(e.message());
                what.getStyleClass().add("error-message");
                what.setWrapText(true);
                Label hint = new Label(e.hint().isEmpty() ? "" : "→ " + e.hint());
                hint.getStyleClass().add("error-hint");
                hint.setWrapText(true);
                VBox text = new VBox(what, hint);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(12, where, text);
                row.getStyleClass().add("error-row");
                lines.add(row);
            }
            rows.getChildren().setAll(lines);
        });
        box.setVisible(false);
        box.setManaged(false);
        return box;
    }

    private static Node failure(ScenarioViewModel vm) {
        Label text = new Label();
        text.setId("scenarioError");
        text.setWrapText(true);
        text.textProperty().bind(vm.errorProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button retry = new Button("⟲ Try again");
        retry.setId("scenarioTryAgain");
        retry.setOnAction(e -> vm.reset());
        retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        retry.disableProperty().bind(vm.busyProperty());
        retry.visibleProperty().bind(vm.scenarioProperty().isNotNull()); // nothing to reset before a scenario is loaded
        retry.managedProperty().bind(retry.visibleProperty());
        HBox bar = new HBox(10, new Label("⚠"), text, retry);
        bar.getStyleClass().add("error-bar");
        bar.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static Node review(ScenarioViewModel vm) {
        Label text = new Label();
        text.setId("reviewText");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> "◀◀ REVIEWING step " + vm.positionProperty().get()
                + " of " + vm.totalStepsProperty().get() + " — a recorded Snapshot: the kernel can't be rewound. "
                + "Live is at step " + vm.stepsRunProperty().get() + ". “Run again to here” replays on a fresh lab.",
                vm.positionProperty(), vm.totalStepsProperty(), vm.stepsRunProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button again = new Button("↻ Run again to here");
        again.setId("reviewRunAgain");
        again.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        again.setOnAction(e -> vm.runAgainToHere());
        again.disableProperty().bind(vm.busyProperty());
        HBox bar = new HBox(10, text, again);
        bar.setId("reviewBanner");
        bar.getStyleClass().add("review-banner");
        bar.visibleProperty().bind(vm.reviewingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}
