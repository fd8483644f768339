package org.sockscope.ui.scenario;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sockscope.scenario.Question;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioError;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.trace.BundledRecordings;
import org.sockscope.trace.Recording;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.widget.TaskFailure;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The scenario mode's one view-model. Commands return at once: session work (set-up, steps, the
 * reveal) runs on {@link SessionRunner}'s thread and its answers arrive in an inbox that
 * {@link #refresh()} drains once per frame on the FX thread; refresh also folds the trace's new
 * events and maps the Snapshot on screen (the newest, or a recorded one while reviewing).
 * A command that fails ends like any other (nothing stays busy, autoplay stops) and leaves its
 * sentence in {@link #errorProperty()}, the banner with the ⟲ Try again button.
 */
public final class ScenarioViewModel implements AutoCloseable {
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final SessionRunner runner = new SessionRunner(inbox::add);
    private final RunView view = new RunView();
    private long generation = -1;
    /** The generation of a recorded run: no session ever answers for it. */
    private static final long REPLAY_GENERATION = -2;
    private int inFlight;
    private boolean closed;
    private String lastFrameFailure = "";

    private final ReadOnlyObjectWrapper<List<ScenarioFiles.Entry>> catalogue = new ReadOnlyObjectWrapper<>(this, "catalogue", List.of());
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.EMPTY);
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyIntegerWrapper stepsRun = new ReadOnlyIntegerWrapper(this, "stepsRun");
    private final ReadOnlyIntegerWrapper totalSteps = new ReadOnlyIntegerWrapper(this, "totalSteps");
    private final ReadOnlyBooleanWrapper reviewing = new ReadOnlyBooleanWrapper(this, "reviewing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper predictNow = new ReadOnlyBooleanWrapper(this, "predictNow");
    private final ReadOnlyStringWrapper pick = new ReadOnlyStringWrapper(this, "pick", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper revealWait = new ReadOnlyStringWrapper(this, "revealWait", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<List<ScenarioError>> loadErrors = new ReadOnlyObjectWrapper<>(this, "loadErrors", List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<LogEntry> highlighted = new ReadOnlyObjectWrapper<>(this, "highlighted");
    private final ReadOnlyLongWrapper clock = new ReadOnlyLongWrapper(this, "clock");
    private final ReadOnlyLongWrapper eventCount = new ReadOnlyLongWrapper(this, "eventCount");
    private final ReadOnlyBooleanWrapper replay = new ReadOnlyBooleanWrapper(this, "replay");
    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    /** True when the bundled scenarios are played from their recordings (no live mode here, or a replay window). */
    private final boolean recordings;
    /** The recording shown, or null while live. */
    private RecordedRun recorded;
    private final BooleanProperty allBuffers = new SimpleBooleanProperty(this, "allBuffers");
    private final DoubleProperty secondsPerStep = new SimpleDoubleProperty(this, "secondsPerStep", 3);
    private final ObservableList<LogEntry> log = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> shownLog = new FilteredList<>(log);
    private final Autoplay autoplay = new Autoplay(this);
    /** The file being watched for changes, and its watch. */
    private Path watched;
    private FileWatch watch;

    /** A view-model with no scenario loaded; the bundled list is read in the background. */
    public ScenarioViewModel() {
        this(false);
    }

    /**
     * A view-model that runs nothing: picking a bundled scenario plays the recording of it that ships
     * in the jar ({@link BundledRecordings}), and {@link #play} shows any scenario recording. For where
     * live mode is not available, and for a window replaying a recording.
     */
    public static ScenarioViewModel recordings() {
        return new ScenarioViewModel(true);
    }

    private ScenarioViewModel(boolean recordings) {
        this.recordings = recordings;
        inFlight++;
        busy.set(true);
        runner.call("reading the bundled scenarios", ScenarioFiles::catalogue, list -> {
            catalogue.set(list);
            done();
        }, this::loadFailed);
        allBuffers.addListener((o, a, b) -> view.invalidate());
    }

    // ---- per frame -------------------------------------------------------------------------

    /** Drains the inbox, folds new events, renders the Snapshot on screen. FX thread; never blocks. */
    public void refresh() {
        if (closed) {
            return;
        }
        for (Runnable r; (r = inbox.poll()) != null; ) {
            try {
                r.run();
            } catch (RuntimeException e) {
                frameFailed("showing the session's answer", e);
            }
        }
        try {
            view.refresh(this);
        } catch (RuntimeException e) {
            frameFailed("drawing the run", e);
        }
    }

    /** A failure on the FX thread: the banner says it; one that repeats every frame is logged once. */
    private void frameFailed(String what, RuntimeException e) {
        String text = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " failed: " + TaskFailure.reason(e)
                + ". " + SessionRunner.TRY_AGAIN + ".";
        if (!text.equals(lastFrameFailure)) {
            lastFrameFailure = text;
            TaskFailure.log(what + " failed", e);
        }
        autoplay.stop();
        error.set(text);
    }

    // ---- commands (FX thread; none blocks) ---------------------------------------------------

    /** Loads a bundled scenario by file name or id and sets it up on a fresh lab. */
    public void loadBundled(String nameOrId) {
        watch(null);
        if (recordings) {
            playBundled(nameOrId);
            return;
        }
        load(() -> ScenarioFiles.loadBundled(nameOrId));
    }

    /** Reads the bundled scenario's recording from the jar (off this thread) and plays it. */
    private void playBundled(String nameOrId) {
        inFlight++;
        busy.set(true);
        runner.call("reading the recording of " + nameOrId, () -> {
            try {
                return BundledRecordings.of(nameOrId);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> {
            done();
            if (r.isEmpty()) {
                message.set("No recording of " + nameOrId + " ships with this SockScope, and live mode is not available here to run it.");
            } else {
                play(r.get());
            }
        }, this::loadFailed);
    }

    /**
     * Shows the scenario recording {@code r} in this view, step by step, with its recorded outcomes and
     * reveal; nothing runs. False (and the message says why) when it cannot be shown here. Only on a
     * view-model made by {@link #recordings()}.
     */
    public boolean play(Recording r) {
        RecordedRun.Result res = RecordedRun.of(r);
        if (res.run() == null) {
            message.set("This recording cannot be shown in the scenario view: " + res.whyNot() + ".");
            return false;
        }
        if (!recordings) {
            throw new IllegalStateException("a live view-model runs scenarios; ScenarioViewModel.recordings() plays recordings");
        }
        autoplay.stop();
        watch(null);
        recorded = res.run();
        Scenario s = recorded.scenario();
        loadErrors.set(List.of());
        error.set("");
        verdict.set(null);
        revealWait.set("");
        pick.set("");
        replay.set(true);
        recording.set(r);
        generation = REPLAY_GENERATION;
        scenario.set(s);
        totalSteps.set(s.steps().size());
        view.scenario(s);
        SessionRunner.RunState state = recorded.state(generation);
        stepsRun.set(state.nextIndex());
        position.set(0);
        reviewing.set(false);
        ready.set(true);
        view.run(state);
        message.set(recorded.stepsRecorded() < s.steps().size() ? "Recorded up to step " + recorded.stepsRecorded() + " of "
                + s.steps().size() + ": the rest was not run when it was saved." : "");
        return true;
    }

    /** In a replay: shows the moment after step {@code k} (clamped to the recorded steps); live: nothing. */
    public void showStep(int k) {
        if (replay.get()) {
            showPosition(k);
        }
    }

    /** In a replay: says that nothing can run here, and returns true. */
    private boolean replayOnly(String what) {
        if (!replay.get()) {
            return false;
        }
        message.set(what + " needs live mode: this is a recording (nothing runs now).");
        return true;
    }

    /**
     * Loads a scenario file; a bad file shows its errors and leaves the current scenario as it was.
     * The file is then watched: when it changes on disk it loads again, run to the same step.
     */
    public void open(Path file) {
        if (recordings) {
            message.set("Opening a scenario file needs live mode: here the bundled scenarios play from their recordings"
                    + " (File ▸ Open recording… opens another recording).");
            return;
        }
        watch(file);
        load(() -> ScenarioFiles.load(file));
    }

    /**
     * A file path if one exists, else a bundled name, set up and run to {@code steps} steps (the
     * command line's {@code --scenario NAME --step N}).
     */
    public void openAny(String pathOrName, int steps) {
        if (recordings) {
            loadBundled(pathOrName);
            return;
        }
        watch(java.nio.file.Files.isRegularFile(Path.of(pathOrName)) ? Path.of(pathOrName) : null);
        load(() -> ScenarioFiles.open(pathOrName), steps);
    }

    /** Watches {@code file} (null: none) for changes, which reach {@link #reloadFromDisk} through the inbox. */
    private void watch(Path file) {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        watched = file;
        if (file != null) {
            watch = FileWatch.of(file, () -> inbox.add(this::reloadFromDisk)).orElse(null);
        }
    }

    /**
     * The watched file's text changed: loads it again (off this thread, as every load) and runs to
     * the step shown, or to its last step if it has fewer now. Bad text shows its problems, and the
     * scenario as it was stays loaded.
     */
    private void reloadFromDisk() {
        Path file = watched;
        if (file != null && !closed) {
            load(() -> ScenarioFiles.load(file), position.get());
        }
    }

    private void load(java.util.function.Supplier<ScenarioFiles.Loaded> loader) {
        load(loader, 0);
    }

    private void load(java.util.function.Supplier<ScenarioFiles.Loaded> loader, int steps) {
        inFlight++;
        busy.set(true);
        runner.call("loading the scenario", loader, loaded -> {
            done();
            if (loaded.scenario() == null) {
                loadErrors.set(loaded.errors());
                message.set("Not loaded: " + loaded.errors().size() + " problem(s) in the file. "
                        + (scenario.get() == null ? "" : "“" + scenario.get().title() + "” is still loaded."));
                return;
            }
            loadErrors.set(List.of());
            Scenario s = loaded.scenario();
            scenario.set(s);
            totalSteps.set(s.steps().size());
            view.scenario(s);
            pick.set("");
            start(Math.clamp(steps, 0, s.steps().size()), "Setting up “" + s.title() + "” on a fresh lab…");
        }, this::loadFailed);
    }

    private void loadFailed(String why) {
        done();
        error.set(why + (scenario.get() == null ? " Pick a scenario from the menu to go on."
                : " “" + scenario.get().title() + "” is still loaded."));
    }

    /** Runs the next step (or, while reviewing, shows the next recorded step). */
    public void next() {
        if (!canAct()) {
            return;
        }
        if (reviewing.get() || replay.get()) {
            if (replay.get() && position.get() >= stepsRun.get()) {
                message.set("That was the last recorded step. Home goes back to the start.");
                autoplay.stop();
                return;
            }
            showPosition(position.get() + 1);
            return;
        }
        if (stepsRun.get() >= totalSteps.get()) {
            message.set("That was the last step. Reset (Home) to start again.");
            autoplay.stop();
            return;
        }
        command();
        runner.advance(generation, stepsRun.get() + 1, listener());
    }

    /** Shows the recorded Snapshot after the previous step: review only, the kernel cannot be rewound. */
    public void previous() {
        if (!canAct() || position.get() == 0) {
            return;
        }
        autoplay.stop();
        showPosition(position.get() - 1);
    }

    /** A fresh lab, set up again, before step 1; the prediction is cleared. */
    public void reset() {
        if (replay.get()) {
            autoplay.stop();
            pick.set("");
            verdict.set(null);
            showPosition(0);
            return;
        }
        if (scenario.get() != null && !closed) {
            pick.set("");
            start(0, "Resetting: a fresh lab…");
        }
    }

    /** Runs every remaining step. */
    public void runToEnd() {
        if (canAct() && replay.get()) {
            showPosition(stepsRun.get());
        } else if (canAct()) {
            showPosition(stepsRun.get());
            command();
            runner.advance(generation, totalSteps.get(), listener());
        }
    }

    /** Replays the scenario from a fresh lab up to the step on screen (the way to "go back" for real). */
    public void runAgainToHere() {
        if (canAct() && !replayOnly("Running again")) {
            int here = position.get();
            start(here, "Running again from a fresh lab up to step " + here + "…");
        }
    }

    /** Picks (or, again, un-picks) a choice of the question before the reveal. */
    public void pick(String letter) {
        Optional<Question> q = question();
        if (q.isEmpty() || verdict.get() != null || q.get().choice(letter).isEmpty()) {
            return;
        }
        pick.set(letter.equals(pick.get()) ? "" : letter);
    }

    /** Runs the steps the question looks at on real sockets, then shows which choices match. */
    public void reveal() {
        Optional<Question> q = question();
        if (q.isEmpty() || verdict.get() != null || !canAct()) {
            return;
        }
        autoplay.stop();
        if (replay.get()) {
            // The recorded answer, decided when the run was saved, with the recorded outcomes as evidence.
            showPosition(Math.max(position.get(), scenario.get().revealAfterIndex().orElse(0) + 1));
            boolean settled = recorded.recording().header().reveal().unsettled().isEmpty();
            verdict.set(settled ? recorded.verdict().orElse(null) : null);
            message.set(recorded.sentence());
            return;
        }
        showPosition(stepsRun.get());
        int target = Math.max(stepsRun.get(), scenario.get().revealAfterIndex().orElse(0) + 1);
        command();
        runner.reveal(generation, target, listener(), steps -> revealWait.set(waitingText(steps)), v -> {
            revealWait.set("");
            verdict.set(v);
            message.set(v == null ? "" : "The kernel's answer: " + (v.letters().isEmpty() ? "no choice matches" : String.join(", ", v.letters())));
        });
    }

    /** What the question pane says while the reveal waits for {@code steps} to settle. */
    static String waitingText(List<String> steps) {
        return "Waiting for the kernel… " + (steps.size() == 1 ? "step " : "steps ") + String.join(", ", steps)
                + (steps.size() == 1 ? " has" : " have") + " not settled yet, and the answer depends on "
                + (steps.size() == 1 ? "it" : "them") + " (waiting up to " + ScenarioSession.ANSWER_WAIT.toSeconds()
                + "\u00a0s).";
    }

    /** Hides the list of a bad file's errors. */
    public void dismissErrors() {
        loadErrors.set(List.of());
        error.set("");
    }

    /** Stops autoplay, stops the session thread and closes the lab (waking blocked calls) within about {@code millis}. */
    public boolean close(long millis) {
        closed = true;
        watch(null);
        autoplay.stop();
        return runner.close(millis);
    }

    @Override
    public void close() {
        close(800);
    }

    // ---- internals ---------------------------------------------------------------------------

    private boolean canAct() {
        // a replay has no session work to wait for (reading the catalogue does not change what is shown)
        return !closed && (!busy.get() || replay.get()) && ready.get();
    }

    private void start(int steps, String what) {
        autoplay.stop();
        verdict.set(null);
        revealWait.set("");
        error.set("");
        lastFrameFailure = "";
        ready.set(false);
        message.set(what);
        command();
        generation = runner.open(scenario.get(), steps, listener());
        reviewing.set(false);
        view.restart();
    }

    private void command() {
        inFlight++;
        busy.set(true);
    }

    private void done() {
        inFlight = Math.max(0, inFlight - 1);
        busy.set(inFlight > 0);
    }

    /** A listener for a command (counted in {@link #busyProperty()} until it ends, once). */
    private SessionRunner.Listener listener() {
        return listener(true);
    }

    private SessionRunner.Listener listener(boolean command) {
        return new SessionRunner.Listener() {
            private boolean ended = !command;

            /** Ends the command once: a failure after the end (or of a refresh) must not free another command's slot. */
            private void end() {
                if (!ended) {
                    ended = true;
                    done();
                }
            }

            @Override
            public void progress(SessionRunner.RunState s) {
                if (s.generation() != generation) {
                    return;
                }
                ready.set(true);
                stepsRun.set(s.nextIndex());
                if (!reviewing.get()) {
                    position.set(s.nextIndex());
                }
                if (verdict.get() != null) {
                    verdict.set(verdict.get().updated(s.reports()));
                }
                view.run(s);
            }

            @Override
            public void finished() {
                end();
                revealWait.set(""); // a reveal ends with its verdict or a failure; this is the backstop
                if (message.get().endsWith("…")) {
                    message.set("");
                }
            }

            @Override
            public void failed(String why) {
                end();
                revealWait.set("");
                autoplay.stop();
                error.set(why);
                message.set("");
            }
        };
    }

    /** Shows the moment after {@code p} steps: live when that is the newest, else reviewing. */
    private void showPosition(int p) {
        int clamped = Math.clamp(p, 0, stepsRun.get());
        position.set(clamped);
        reviewing.set(!replay.get() && clamped < stepsRun.get());
        view.invalidate();
    }

    /** Asks the runner for fresh reports (a blocked step returned); never while a command runs. */
    void refreshReports() {
        if (!busy.get() && !closed && !replay.get()) {
            runner.refresh(generation, listener(false));
        }
    }

    /** Sets the status message (autoplay says why it paused). */
    void say(String text) {
        message.set(text);
    }

    Optional<Question> question() {
        return scenario.get() == null ? Optional.empty() : scenario.get().question();
    }

    void setClock(long clockNanos, long events) {
        clock.set(clockNanos);
        eventCount.set(events);
    }

    void setScreen(Screen s, LogEntry highlight) {
        if (!s.equals(screen.get())) {
            screen.set(s);
        }
        highlighted.set(highlight);
        Scenario sc = scenario.get();
        int at = replay.get() ? position.get() : stepsRun.get();
        predictNow.set(sc != null && verdict.get() == null && !reviewing.get()
                && sc.predictBeforeIndex().filter(i -> i == at).isPresent());
    }

    /** True at the last step there is: the last recorded one in a replay, else the scenario's last once run. */
    boolean atLastStep() {
        return replay.get() ? position.get() >= stepsRun.get() : stepsRun.get() >= totalSteps.get();
    }

    ObservableList<LogEntry> allLog() {
        return log;
    }

    FilteredList<LogEntry> filteredLog() {
        return shownLog;
    }

    // ---- properties --------------------------------------------------------------------------

    /** The bundled scenarios (title and slide), in menu order. */
    public ReadOnlyObjectProperty<List<ScenarioFiles.Entry>> catalogueProperty() { return catalogue.getReadOnlyProperty(); }
    /** The scenario loaded, or null. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }
    /** What is drawn: columns, code marks, narration. */
    public ReadOnlyObjectProperty<Screen> screenProperty() { return screen.getReadOnlyProperty(); }
    /** The moment on screen: after this many steps. */
    public ReadOnlyIntegerProperty positionProperty() { return position.getReadOnlyProperty(); }
    /** Steps run on the live lab so far. */
    public ReadOnlyIntegerProperty stepsRunProperty() { return stepsRun.getReadOnlyProperty(); }
    /** The scenario's number of steps. */
    public ReadOnlyIntegerProperty totalStepsProperty() { return totalSteps.getReadOnlyProperty(); }
    /** True while an earlier, recorded moment is shown. */
    public ReadOnlyBooleanProperty reviewingProperty() { return reviewing.getReadOnlyProperty(); }
    /** True while session work (set-up, a step, the reveal) is in flight: step buttons are disabled. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True when a live session is set up. */
    public ReadOnlyBooleanProperty readyProperty() { return ready.getReadOnlyProperty(); }
    /** True right before the step the question is about, until the reveal. */
    public ReadOnlyBooleanProperty predictNowProperty() { return predictNow.getReadOnlyProperty(); }
    /** The class's pick, empty when none. */
    public ReadOnlyStringProperty pickProperty() { return pick.getReadOnlyProperty(); }
    /** The reveal, null before it. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** While the reveal waits for the kernel to settle the calls its question depends on: what it waits for; else empty. */
    public ReadOnlyStringProperty revealWaitProperty() { return revealWait.getReadOnlyProperty(); }
    /** A set-up or step failure, empty when none. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Every located error of the file that was just refused, empty when none. */
    public ReadOnlyObjectProperty<List<ScenarioError>> loadErrorsProperty() { return loadErrors.getReadOnlyProperty(); }
    /** A short status message. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The log line of the step on screen, or null. */
    public ReadOnlyObjectProperty<LogEntry> highlightedProperty() { return highlighted.getReadOnlyProperty(); }
    /** The trace clock of the moment on screen (for the lanes' running clocks). */
    public ReadOnlyLongProperty clockProperty() { return clock.getReadOnlyProperty(); }
    /** Events recorded in the run so far. */
    public ReadOnlyLongProperty eventCountProperty() { return eventCount.getReadOnlyProperty(); }
    /** True when picking a bundled scenario plays its recording ({@link #recordings()}). */
    public boolean playsRecordings() { return recordings; }
    /** True while a recording is shown: nothing runs, every figure is the recording's. */
    public ReadOnlyBooleanProperty replayProperty() { return replay.getReadOnlyProperty(); }
    /** The recording shown, or null while live. */
    public ReadOnlyObjectProperty<Recording> recordingProperty() { return recording.getReadOnlyProperty(); }
    /** Draw both buffers of every socket. */
    public BooleanProperty allBuffersProperty() { return allBuffers; }
    /** Autoplay on or off. */
    public BooleanProperty autoplayProperty() { return autoplay.runningProperty(); }
    /** Autoplay's pace. */
    public DoubleProperty secondsPerStepProperty() { return secondsPerStep; }
    /** The call log up to the moment on screen. */
    public ObservableList<LogEntry> log() { return shownLog; }

    /** The live session, or null (tests compare the reveal with its {@code matchingChoices()}). */
    public ScenarioSession session() {
        return runner.session();
    }
}
