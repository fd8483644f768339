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

import java.util.List;

/**
 * A recording on screen: the REPLAY badge naming where and when it was recorded, the step controls
 * (Back, Next, start, end, autoplay; keys ← → Home End, and Space where it presses no button), and the moment drawn by the same
 * view as live: the playground's for a playground run; for a scenario run, its call log.
 */
public final class ReplayView extends BorderPane {
    private final ReplayViewModel vm;
    private final VBox top = new VBox();
    private final HBox controls = new HBox(10);
    private final RecordedScenario scenario;
    /** The empty log's line in a replay: nothing can be called, and nothing was yet. */
    static final String NO_CALLS = "No call recorded up to this moment: Next (→) steps on.";

    /** The view of {@code vm}. */
    public ReplayView(ReplayViewModel vm) {
        this.vm = vm;
        this.scenario = vm.recording().scenario() ? new RecordedScenario(vm.header()) : null;
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

        Button start = button("« Start", "replayStart", "The first moment (Home)", vm::toStart);
        Button back = button("◀ Back", "replayBack", "The moment before (←)", vm::previous);
        Button next = button("Next ▶", "replayNext", vm.stepped() ? "The next step (→ or Space)"
                : "The next moment: up to the next call (→ or Space)", vm::next);
        Button end = button("End »", "replayEnd", "The end of the recording (End)", vm::toEnd);
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
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        play.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        position.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(where, Priority.ALWAYS);
        where.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(10, badge, where, position);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("replay-bar");
        controls.getChildren().setAll(start, back, next, end, play);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("replay-controls");
        setTop(top);
        top.getChildren().addAll(bar, controls);
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
        boolean pressesAButton = e.getCode() == KeyCode.SPACE && e.getTarget() instanceof javafx.scene.control.ButtonBase;
        if (e.getTarget() instanceof TextInputControl || pressesAButton || e.isShortcutDown() || e.isAltDown()) {
            return; // Space on a focused button presses it, as anywhere
        }
        Runnable action = switch (e.getCode()) {
            case RIGHT, SPACE, PAGE_DOWN -> vm::next; // a presenter's clicker sends Page Down / Page Up
            case LEFT, PAGE_UP -> vm::previous;
            case HOME -> vm::toStart;
            case END -> vm::toEnd;
            default -> null;
        };
        if (action != null) {
            action.run();
            e.consume();
        }
    }

    private void show(PlaygroundViewModel p) {
        if (vm.recording().scenario()) {
            setCenter(scenarioLog(p));
            return;
        }
        PlaygroundView view = new PlaygroundView(p);
        view.lookupAll("#callLog").forEach(n -> ((CallLog) n).setPlaceholder(NO_CALLS));
        // The playground's header line (whose tables the columns show) goes under the bar, as live beside the menu.
        HBox.setHgrow(view.headerItems(), Priority.ALWAYS);
        controls.getChildren().setAll(List.copyOf(controls.getChildren().subList(0, 5)));
        controls.getChildren().add(view.headerItems());
        setCenter(view);
    }

    /** A scenario's run: its title, the step shown with its narration, and the log of the recorded calls up to it. */
    private Node scenarioLog(PlaygroundViewModel p) {
        Label title = new Label(scenario.title());
        title.setId("replayScenario");
        title.getStyleClass().add("replay-title");
        title.setWrapText(true);
        Label step = new Label();
        step.setId("replayStep");
        step.getStyleClass().add("replay-step");
        Label say = new Label();
        say.setId("replayNarration");
        say.setWrapText(true);
        Runnable describe = () -> {
            int k = vm.positionProperty().get();
            step.setText(vm.stepped() ? scenario.heading(k) : "");
            say.setText(vm.stepped() ? scenario.narration(k) : "");
        };
        describe.run();
        vm.positionProperty().addListener((o, a, b) -> describe.run());
        CallLog log = new CallLog();
        log.setId("callLog");
        log.setPlaceholder(NO_CALLS);
        log.setItems(p.log());
        VBox.setVgrow(log, Priority.ALWAYS);
        for (Label l : List.of(title, step, say)) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped lines are not cut for the log
        }
        VBox box = new VBox(8, title, step, say);
        scenario.question().ifPresent(q -> box.getChildren().add(question(q)));
        box.getChildren().add(log);
        box.getStyleClass().add("replay-scenario");
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

    /**
     * The question with its choices, and a Reveal that shows the answer and its evidence as decided
     * when the run was saved (by the live reveal's code, from the recorded outcomes): the class can
     * predict first, as live.
     */
    private Node question(org.sockscope.scenario.Question q) {
        Label prompt = new Label(q.prompt());
        prompt.setId("replayQuestion");
        prompt.setWrapText(true);
        prompt.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        prompt.getStyleClass().add("replay-step");
        VBox choices = new VBox(2);
        q.choices().forEach(c -> choices.getChildren().add(new Label(c.letter() + " · " + c.text())));
        var recorded = vm.header().reveal();
        Label answer = new Label(recorded.sentence() + " (decided from the recorded outcomes when the run was saved)");
        answer.setId("replayAnswer");
        answer.setWrapText(true);
        answer.getStyleClass().add("replay-answer");
        VBox evidence = new VBox(2);
        evidence.setId("replayEvidence");
        recorded.evidence().forEach(line -> {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("code");
            evidence.getChildren().add(l);
        });
        VBox shown = new VBox(4, answer, evidence);
        shown.setId("replayRevealed");
        ToggleButton reveal = new ToggleButton("Reveal the kernel's answer");
        reveal.setId("replayReveal");
        reveal.selectedProperty().bindBidirectional(vm.revealedProperty()); // kept across steps, back included
        shown.visibleProperty().bind(reveal.selectedProperty());
        shown.managedProperty().bind(reveal.selectedProperty());
        return new VBox(6, prompt, choices, reveal, shown);
    }

    /** The view-model. */
    public ReplayViewModel viewModel() {
        return vm;
    }
}
