package org.sockscope.ui.scenario;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sockscope.scenario.Choice;
import org.sockscope.scenario.OutcomePattern;
import org.sockscope.scenario.Question;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.ui.widget.Source;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The clicker question as on the slide (its table's columns, rows A–E as toggle buttons), the
 * Reveal button, and after the reveal the kernel's answer with its evidence and the caveats where
 * Linux differs from the slide. Which choice is right comes from the real run, never from the file.
 */
final class QuestionPane extends VBox {
    private static final PseudoClass KERNEL = PseudoClass.getPseudoClass("kernel");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass PREDICT = PseudoClass.getPseudoClass("predict");
    private final ScenarioViewModel vm;
    private final Label slide = new Label();
    private final Label prompt = new Label();
    private final Label note = new Label();
    private final Label predict = new Label("Predict now: pick a choice (keys A–E), then Reveal (Enter). Space skips.");
    private final VBox choices = new VBox();
    private final Button reveal = new Button("Reveal: run it on real sockets  ⏎");
    private final Label waiting = new Label();
    private final VBox answer = new VBox();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Map<String, Label> markers = new LinkedHashMap<>();

    QuestionPane(ScenarioViewModel vm) {
        this.vm = vm;
        setId("questionPane");
        getStyleClass().add("question-pane");
        slide.getStyleClass().add("slide-title");
        slide.setWrapText(true);
        prompt.getStyleClass().add("question-prompt");
        prompt.setWrapText(true);
        note.getStyleClass().add("question-note");
        note.setWrapText(true);
        predict.setId("predictBanner");
        predict.getStyleClass().add("predict-banner");
        predict.setWrapText(true);
        predict.visibleProperty().bind(vm.predictNowProperty());
        predict.managedProperty().bind(predict.visibleProperty());
        choices.getStyleClass().add("choices");
        reveal.textProperty().bind(javafx.beans.binding.Bindings.when(vm.replayProperty())
                .then("Reveal the recorded answer  ⏎").otherwise("Reveal: run it on real sockets  ⏎"));
        reveal.setId("reveal");
        reveal.getStyleClass().add("reveal-button");
        reveal.setMaxWidth(Double.MAX_VALUE);
        reveal.setOnAction(e -> vm.reveal());
        reveal.disableProperty().bind(vm.busyProperty().or(vm.readyProperty().not()).or(vm.verdictProperty().isNotNull()));
        reveal.visibleProperty().bind(vm.verdictProperty().isNull());
        reveal.managedProperty().bind(reveal.visibleProperty());
        waiting.setId("revealWait");
        waiting.getStyleClass().add("reveal-wait");
        waiting.setWrapText(true);
        waiting.textProperty().bind(vm.revealWaitProperty());
        waiting.visibleProperty().bind(vm.revealWaitProperty().isNotEmpty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip("SockScope decides only from settled"
                + " outcomes: a call that returned or failed, or one the sampler saw asleep in the kernel where its rule"
                + " needs no more (\"blocks\"). If a step has not settled within " + ScenarioSession.ANSWER_WAIT.toSeconds()
                + " s, the reveal gives no answer and says so. The app and the command line decide in the same code.");
        why.setWrapText(true);
        why.setMaxWidth(520);
        waiting.setTooltip(why);
        answer.setId("answer");
        answer.getStyleClass().add("answer");
        getChildren().addAll(slide, prompt, note, predict, choices, reveal, waiting, answer);
        vm.scenarioProperty().addListener((o, a, s) -> build(s));
        vm.pickProperty().addListener((o, a, b) -> update());
        vm.verdictProperty().addListener((o, a, b) -> update());
        vm.predictNowProperty().addListener((o, a, b) -> pseudoClassStateChanged(PREDICT, b));
        build(vm.scenarioProperty().get());
    }

    private void build(Scenario s) {
        buttons.clear();
        markers.clear();
        choices.getChildren().clear();
        Question q = s == null ? null : s.question().orElse(null);
        setVisible(q != null);
        setManaged(q != null);
        if (q == null) {
            return;
        }
        slide.setText("Slide · " + s.slide());
        prompt.setText(q.prompt());
        note.setText(q.note());
        note.setManaged(!q.note().isEmpty());
        if (!q.columns().isEmpty()) {
            HBox head = new HBox();
            head.getStyleClass().add("choice-head");
            Region gap = new Region();
            gap.getStyleClass().add("choice-head-gap");
            head.getChildren().add(gap);
            for (String c : q.columns()) {
                Label l = new Label(c);
                l.getStyleClass().addAll("choice-cell", "choice-column");
                head.getChildren().add(l);
            }
            choices.getChildren().add(head);
        }
        for (Choice c : q.choices()) {
            Label letter = new Label(c.letter());
            letter.getStyleClass().add("choice-letter");
            Label marker = new Label();
            marker.getStyleClass().add("choice-marker");
            HBox graphic = new HBox(marker, letter);
            graphic.getStyleClass().add("choice-graphic");
            ToggleButton b = new ToggleButton();
            if (!q.columns().isEmpty() && !c.cells().isEmpty()) {
                for (String cell : c.cells()) {
                    Label l = new Label(cell);
                    l.getStyleClass().add("choice-cell");
                    graphic.getChildren().add(l);
                }
            } else {
                // A sentence: the button's own text, which wraps (a label inside the graphic would be cut).
                b.setText(c.text());
                b.setWrapText(true);
                b.getStyleClass().add("choice-sentence");
            }
            b.setId("choice-" + c.letter());
            b.getStyleClass().add("choice");
            b.setGraphic(graphic);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> {
                vm.pick(c.letter());
                update();
            });
            buttons.put(c.letter(), b);
            markers.put(c.letter(), marker);
            choices.getChildren().add(b);
        }
        update();
    }

    private void update() {
        // A scenario just opened still has the last one's verdict for a moment (and maybe no question).
        Verdict v = vm.question().isPresent() ? vm.verdictProperty().get() : null;
        String pick = vm.pickProperty().get();
        buttons.forEach((letter, b) -> {
            boolean picked = letter.equals(pick);
            boolean kernel = v != null && v.matches(letter);
            b.setSelected(picked);
            b.pseudoClassStateChanged(KERNEL, kernel);
            b.pseudoClassStateChanged(WRONG, picked && v != null && !kernel);
            // A glyph, not just the colour: ★ the pick before the reveal, ✓ what the kernel did, ✗ a pick it did not do.
            markers.get(letter).setText(v == null ? (picked ? "★" : "") : kernel ? "✓" : picked ? "✗" : "");
        });
        answer.getChildren().setAll(v == null ? java.util.List.of() : answerNodes(v, pick));
    }

    private java.util.List<javafx.scene.Node> answerNodes(Verdict v, String pick) {
        Question q = vm.question().orElseThrow();
        java.util.List<javafx.scene.Node> out = new java.util.ArrayList<>();
        Label did = new Label(v.letters().isEmpty() ? "No choice matches what the kernel did"
                : "The kernel did: " + String.join(" and ", v.letters()));
        did.setId("kernelLetters");
        did.getProperties().put("letters", v.letters());
        did.getStyleClass().add("verdict");
        did.setWrapText(true);
        Source.DERIVED.install(did, "SockScope matched each choice's rules (the scenario file stores rules, never the"
                + " answer) against this run's settled outcomes, in the same code as the command line: what the calls"
                + " returned (and errno); \"blocks\": the kernel put the thread to sleep inside the call, counted on the"
                + " actor thread (voluntary context switches, getrusage RUSAGE_THREAD), or for a call still asleep seen"
                + " by the sampler (state S in /proc/<pid>/task/<tid>/stat)"
                + (v.rule().isEmpty() ? "." : "; \"busy\": " + v.rule() + ", over the figures shown below."));
        Label mine = new Label(pick.isEmpty() ? "No prediction was made."
                : v.matches(pick) ? "✓ Your pick " + pick + " matches." : "✗ Your pick " + pick + " does not match.");
        mine.setId("pickVerdict");
        mine.getStyleClass().add("pick-verdict");
        out.add(did);
        out.add(mine);
        Label evidenceTitle = new Label(vm.replayProperty().get() ? "Evidence, as the recorded kernel reported it" : "Evidence, from the kernel");
        evidenceTitle.getStyleClass().add("answer-title");
        VBox evidence = new VBox();
        evidence.setId("evidence");
        evidence.getStyleClass().add("evidence");
        for (Verdict.Evidence e : v.evidence()) {
            evidence.getChildren().add(evidenceBox(e));
        }
        Label rule = null;
        if (!v.rule().isEmpty()) {
            rule = new Label(v.rule());
            rule.setId("busyRule");
            rule.getStyleClass().add("busy-rule");
            rule.setWrapText(true);
            Source.DERIVED.install(rule, BUSY_FIGURES);
        }
        Set<String> about = new LinkedHashSet<>(v.letters());
        if (!pick.isEmpty()) {
            about.add(pick);
        }
        VBox caveats = new VBox();
        caveats.setId("caveats");
        caveats.getStyleClass().add("caveats");
        for (String letter : about) {
            q.choice(letter).filter(c -> !c.caveat().isEmpty()).ifPresent(c -> {
                Label l = new Label(c.letter() + ": " + c.caveat());
                l.setWrapText(true);
                l.getStyleClass().add("caveat");
                caveats.getChildren().add(l);
            });
        }
        if (!caveats.getChildren().isEmpty()) {
            Label t = new Label("Where Linux differs from the slide");
            t.getStyleClass().add("answer-title");
            out.add(t);
            out.add(caveats);
        }
        // The class discusses the caveat of its pick first; the evidence below is how we know.
        out.add(evidenceTitle);
        if (rule != null) {
            out.add(rule);
        }
        out.add(evidence);
        return out;
    }

    /** Where the busy rule's figures come from. */
    private static final String BUSY_FIGURES = "A threshold SockScope chooses, not a kernel verdict. Its figures are the"
            + " actor thread's time on a CPU and time runnable but waiting for one (schedstat), over the step's wall time"
            + " (CLOCK_MONOTONIC): for a loop that returned, read by the thread itself around the whole loop"
            + " (/proc/thread-self/schedstat); for a loop still running, read from outside since the step began"
            + " (/proc/<pid>/task/<tid>/schedstat), judged once at least " + OutcomePattern.Busy.WINDOW_NANOS / 1_000_000
            + " ms have passed.";

    /** What an evidence line of a call that returned is made of. */
    private static final String RETURNED = "returned …: what the call returned, with errno captured right after it."
            + "\nwithout / after blocking: whether the kernel put the thread to sleep inside it, from the voluntary"
            + " context switches the actor thread counted around each system call (getrusage RUSAGE_THREAD)."
            + "\nin … ms: the whole entry's wall time on the actor thread (CLOCK_MONOTONIC). For a loop, its calls and"
            + " its time on a CPU and waiting for one (/proc/thread-self/schedstat, read by the thread itself).";

    private static VBox evidenceBox(Verdict.Evidence e) {
        Label step = new Label("Step " + e.step() + " · " + e.process() + " (" + e.id() + ")");
        step.getStyleClass().add("evidence-step");
        Label call = new Label(e.call());
        call.getStyleClass().add("evidence-call");
        call.setWrapText(true);
        Label outcome = new Label((e.blocked() ? "‖ " : "↩ ") + e.outcome());
        outcome.getStyleClass().add("evidence-outcome");
        outcome.setWrapText(true);
        if (!e.pending()) {
            Source.SYSCALL.install(outcome, RETURNED);
        } else if (e.blocked()) {
            Source.KERNEL.install(outcome, "Still in the call at the reveal. The sampler thread read state S (asleep) in"
                    + " /proc/<pid>/task/<tid>/stat, the system call from …/syscall and, where the kernel lets it be"
                    + " read, the function it sleeps in from …/wchan: evidence of where the thread sleeps.");
        } else {
            Source.DERIVED.install(outcome, "Still running at the reveal and not seen asleep (a loop keeps calling):"
                    + " SockScope's record of the call; what it did is known when it returns.");
        }
        VBox box = new VBox(step, call, outcome);
        if (!e.figures().isEmpty()) {
            Label f = new Label(e.figures());
            f.getStyleClass().add("evidence-figures");
            f.setWrapText(true);
            Source.KERNEL.install(f, "The sampler's latest readings as the trace held them right before the step ran"
                    + " and at the reveal: ioctl(SIOCINQ) receive queue, ioctl(SIOCOUTQ) send queue, ioctl(SIOCOUTQNSD)"
                    + " not sent, getsockopt(SO_RCVBUF/SO_SNDBUF) capacity; for a pipe ioctl(FIONREAD) and"
                    + " fcntl(F_GETPIPE_SZ). A socket a loop is using is not probed while the loop runs: its figures"
                    + " are then the last reading before.");
            box.getChildren().add(f);
        }
        if (!e.busy().isEmpty()) {
            Label b = new Label(e.busy());
            b.getStyleClass().add("evidence-busy");
            b.setWrapText(true);
            Source.DERIVED.install(b, OutcomePattern.Busy.RULE + ", applied to the figures the answer was decided"
                    + " from.\n" + BUSY_FIGURES);
            box.getChildren().add(b);
        }
        if (!e.later().isEmpty()) {
            Label l = new Label(e.later());
            l.getStyleClass().add("evidence-later");
            l.setWrapText(true);
            Source.SYSCALL.install(l, "What the call did once it returned, after the reveal.\n" + RETURNED);
            box.getChildren().add(l);
        }
        box.getStyleClass().add("evidence-item");
        return box;
    }
}
