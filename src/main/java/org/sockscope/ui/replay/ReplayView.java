package org.sockscope.ui.replay;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.widget.CallLog;

/**
 * A recording on screen: the REPLAY badge naming where and when it was recorded, the step controls
 * (Back, Next, start, end, autoplay; keys ← → Home End and Space), and the moment drawn by the same
 * view as live: the playground's for a playground run; for a scenario run, its call log.
 */
public final class ReplayView extends BorderPane {
    private final ReplayViewModel vm;

    /** The view of {@code vm}. */
    public ReplayView(ReplayViewModel vm) {
        this.vm = vm;
        setId("replay");
        getStyleClass().add("replay");
        Label badge = new Label("REPLAY");
        badge.setId("replayBadge");
        badge.getStyleClass().add("replay-badge");
        Label where = new Label(vm.badgeText().substring("REPLAY · ".length()));
        where.setId("replayWhere");
        where.getStyleClass().add("replay-where");
        where.setMinWidth(0);
        Tooltip tip = new Tooltip(vm.badgeDetail());
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        badge.setTooltip(tip);
        where.setTooltip(tip);

        Button start = button("⏮", "replayStart", "The first moment (Home)", vm::toStart);
        Button back = button("◀ Back", "replayBack", "The moment before (←)", vm::previous);
        Button next = button("Next ▶", "replayNext", "The next moment: up to the next call (→ or Space)", vm::next);
        Button end = button("⏭", "replayEnd", "The end of the recording (End)", vm::toEnd);
        ToggleButton play = new ToggleButton("Autoplay");
        play.setId("replayAutoplay");
        play.selectedProperty().bindBidirectional(vm.autoplayProperty());
        Label position = new Label();
        position.setId("replayPosition");
        position.textProperty().bind(vm.positionTextProperty());
        vm.positionProperty().addListener((o, a, p) -> {
            back.setDisable(p.intValue() == 0);
            start.setDisable(p.intValue() == 0);
            next.setDisable(vm.atEnd());
            end.setDisable(vm.atEnd());
        });
        back.setDisable(true);
        start.setDisable(true);
        next.setDisable(vm.atEnd());
        end.setDisable(vm.atEnd());
        HBox.setHgrow(where, Priority.ALWAYS);
        HBox bar = new HBox(10, badge, where, start, back, next, end, play, position);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("replay-bar");
        setTop(new VBox(bar));
        show(vm.playgroundProperty().get());
        vm.playgroundProperty().addListener((o, a, b) -> show(b));
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Runnable action = switch (e.getCode()) {
            case RIGHT, SPACE -> vm::next;
            case LEFT -> vm::previous;
            case HOME -> vm::toStart;
            case END -> vm::toEnd;
            default -> null;
        };
        if (action != null && e.getCode() != KeyCode.UNDEFINED) {
            action.run();
            e.consume();
        }
    }

    private void show(PlaygroundViewModel p) {
        setCenter(vm.recording().scenario() ? scenarioLog(p) : new PlaygroundView(p));
    }

    /** A scenario's run: its title and the call log of the recorded calls, up to the moment shown. */
    private Node scenarioLog(PlaygroundViewModel p) {
        Label title = new Label(ScenarioTitle.of(vm.header()));
        title.setId("replayScenario");
        title.getStyleClass().add("placeholder");
        CallLog log = new CallLog();
        log.setId("callLog");
        log.setItems(p.log());
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox box = new VBox(8, title, log);
        // No frames drive this view-model (no playground view does): the log follows each step.
        javafx.animation.AnimationTimer frames = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (p.isClosed()) {
                    stop();
                } else {
                    p.refresh();
                }
            }
        };
        box.sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                frames.stop();
            } else {
                frames.start();
            }
        });
        return box;
    }

    /** The view-model. */
    public ReplayViewModel viewModel() {
        return vm;
    }
}
