package org.sockscope.ui.scenario;

import org.sockscope.lab.LabException;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.Slot;
import org.sockscope.trace.Trace;
import org.sockscope.ui.widget.TaskFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Makes every blocking call of a scenario run (set-up, {@code step()}, {@code close()}) on one
 * background thread, in order. Answers come back as closures handed to {@code post}, which the
 * view-model drains on the FX thread once per frame: nothing here touches JavaFX. Each
 * {@link #open} starts a new generation; work queued for an older one is skipped.
 *
 * <p>Every piece of work ends its command exactly once, with {@code finished} or {@code failed}:
 * whatever it throws (a step the engine refuses, an engine bug, an Error) is logged once to
 * stderr and becomes a {@code failed} sentence that says what the user can do next.
 */
final class SessionRunner {
    /**
     * The run as the screen needs it after a piece of work.
     *
     * @param generation which {@link #open} this belongs to
     * @param trace      the run's trace (thread-safe; the FX thread polls it)
     * @param reports    a report on every step started so far
     * @param marks      marks.get(i): the last trace index before step i ran; the last one: after the last step run
     * @param nextIndex  the next step to run
     * @param fdNames    descriptor (process, number) → the scenario's name for it ({@code empty.client})
     */
    record RunState(long generation, Trace trace, List<StepReport> reports, List<Long> marks, int nextIndex,
                    Map<Slot, String> fdNames) {
        RunState {
            reports = List.copyOf(reports);
            marks = List.copyOf(marks);
            fdNames = Map.copyOf(fdNames);
        }
    }

    /** Receives a command's progress on the FX thread. */
    interface Listener {
        /** After set-up and after each step. */
        void progress(RunState s);

        /** The command is over (successfully, or skipped because a newer run started). */
        void finished();

        /** Set-up, a step or the reveal failed; the command is over. {@code message} says what the user can do. */
        void failed(String message);
    }

    private final ExecutorService exec = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("scenario-session").daemon(true).unstarted(r));
    private final Consumer<Runnable> post;
    private final AtomicLong generations = new AtomicLong();
    private volatile ScenarioSession session;
    private volatile boolean closed;
    private final List<Long> marks = new ArrayList<>();
    /** The pending calls whose return will publish the run again (each watched once). */
    private final java.util.Set<java.util.concurrent.CompletableFuture<?>> watched =
            java.util.Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());
    private long generation = -1;

    SessionRunner(Consumer<Runnable> post) {
        this.post = post;
    }

    /** The live session, or null (tests ask it for the kernel's answer directly). */
    ScenarioSession session() {
        return session;
    }

    /**
     * Closes the current run and sets up {@code scenario} on a fresh lab, then runs its first
     * {@code steps} steps. Returns the new run's generation.
     */
    long open(Scenario scenario, int steps, Listener l) {
        long gen = generations.incrementAndGet();
        submit(l, "setting up “" + scenario.title() + "”", () -> {
            closeSession();
            if (gen != generations.get()) {
                post.accept(l::finished);
                return;
            }
            try {
                session = new ScenarioSession(scenario);
            } catch (LabException | RuntimeException e) {
                if (!(e instanceof LabException)) { // a kernel refusal of a set-up call is the file's doing, not news
                    TaskFailure.log("setting up “" + scenario.title() + "” failed", e);
                }
                String why = TaskFailure.reason(e);
                post.accept(() -> l.failed("Could not set up “" + scenario.title() + "”: " + why + ". " + TRY_AGAIN + "."));
                return;
            }
            if (closed) {
                closeSession();
                return;
            }
            generation = gen;
            marks.clear();
            marks.add((long) session.trace().size() - 1);
            publish(l);
            run(gen, steps, l);
        });
        return gen;
    }

    /** Runs steps until {@code target} steps have run (or all have); publishes after each. */
    void advance(long gen, int target, Listener l) {
        submit(l, "running the next step", () -> {
            if (current(gen)) {
                run(gen, target, l);
            } else {
                post.accept(l::finished);
            }
        });
    }

    /**
     * Advances to {@code target} steps, then asks the session which choices match what the kernel
     * did. Before waiting for calls that have not settled, {@code waiting} gets their step ids.
     */
    void reveal(long gen, int target, Listener l, Consumer<List<String>> waiting, Consumer<Verdict> answer) {
        submit(l, "the reveal", () -> {
            if (!current(gen)) {
                post.accept(l::finished);
                return;
            }
            if (!runSteps(gen, target, l)) {
                return; // the listener was told why
            }
            ScenarioSession s = session;
            // Decided from settled outcomes only, as on the command line: waits (bounded) for the
            // calls the question depends on to return or be reported asleep. The screen says so.
            List<String> pending = s.unsettledSteps();
            if (!pending.isEmpty()) {
                post.accept(() -> waiting.accept(pending));
            }
            ScenarioSession.Answer a = s.answer(ScenarioSession.ANSWER_WAIT);
            if (!a.settled()) {
                post.accept(() -> l.failed("No answer yet: the kernel had not settled steps " + a.unsettled() + " within "
                        + ScenarioSession.ANSWER_WAIT.toSeconds() + " s. Step on, then reveal again."));
                return;
            }
            Verdict v = s.scenario().question().map(q -> Verdict.of(q, a, s.reports(), marks,
                    s.trace(), n -> s.slot(n).orElse(null))).orElse(null);
            post.accept(() -> answer.accept(v));
            publish(l);
            post.accept(l::finished);
        });
    }

    /**
     * Runs {@code work} (loading a file, say) in turn with the session work; {@code answer} gets its
     * result, or {@code failed} a sentence when it threw.
     */
    <T> void call(String what, java.util.function.Supplier<T> work, Consumer<T> answer, Consumer<String> failed) {
        submit(() -> {
            T t;
            try {
                t = work.get();
            } catch (Throwable e) {
                String text = fail(what, e, "");
                post.accept(() -> failed.accept(text));
                return;
            }
            post.accept(() -> answer.accept(t));
        });
    }

    /** Publishes fresh reports (a blocked step may have returned since). */
    void refresh(long gen, Listener l) {
        submit(l, "reading the steps' reports", () -> {
            if (current(gen)) {
                publish(l);
            }
        });
    }

    /**
     * Stops the background thread and closes the session (waking blocked calls) within about
     * {@code millis}; threads that are still stuck after that are daemons and do not hold the JVM.
     */
    boolean close(long millis) {
        closed = true;
        generations.incrementAndGet();
        exec.shutdownNow();
        ScenarioSession s = session;
        if (s == null) {
            return true;
        }
        Thread t = Thread.ofPlatform().name("scenario-close").daemon(true).start(s::close);
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    // ---- on the session thread -------------------------------------------------------------

    /** What the banner's button does, for the sentences that end a failure. */
    static final String TRY_AGAIN = "⟲ Try again sets the scenario up again on a fresh lab";

    private void submit(Runnable task) {
        if (!closed) {
            try {
                exec.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile: nothing is waiting for an answer any more
            }
        }
    }

    /** Runs {@code task}; if it throws, the command ends with {@code failed}: "{@code what} failed: why". */
    private void submit(Listener l, String what, Runnable task) {
        submit(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                String text = fail(what, t, TRY_AGAIN);
                post.accept(() -> l.failed(text));
            }
        });
    }

    /** Logs {@code t} once (not after close: then threads are interrupted on purpose) and words it for the banner. */
    private String fail(String what, Throwable t, String advice) {
        if (!closed) {
            TaskFailure.log(what + " failed", t);
        }
        String text = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " failed: " + TaskFailure.reason(t) + ".";
        return advice.isEmpty() ? text : text + " " + advice + ".";
    }

    private boolean current(long gen) {
        return session != null && gen == generation && gen == generations.get();
    }

    private void run(long gen, int target, Listener l) {
        if (runSteps(gen, target, l)) {
            post.accept(l::finished);
        }
    }

    /** Steps up to {@code target}; false (and the listener told) when a step failed. */
    private boolean runSteps(long gen, int target, Listener l) {
        ScenarioSession s = session;
        while (s.nextIndex() < target && !s.done() && gen == generations.get()) {
            try {
                s.step();
                marks.add(s.traceIndexAfter(s.nextIndex() - 1));
            } catch (RuntimeException e) {
                int n = s.nextIndex() + 1;
                if (!closed) {
                    TaskFailure.log("step " + n + " of “" + s.scenario().title() + "” failed", e);
                }
                publish(l);
                post.accept(() -> l.failed("Step " + n + " could not run: " + TaskFailure.reason(e) + ". " + TRY_AGAIN + "."));
                return false;
            }
            publish(l);
        }
        return true;
    }

    private void publish(Listener l) {
        ScenarioSession s = session;
        RunState state = new RunState(generation, s.trace(), s.reports(), marks, s.nextIndex(), org.sockscope.scenario.StepRecords.names(s));
        post.accept(() -> l.progress(state));
        // A call still asleep may return later (woken by another process): publish again then, so
        // the screen and the verdict's "then returned …" follow without waiting for the next step.
        for (var pending : s.pendingResults()) {
            if (watched.add(pending)) {
                pending.whenComplete((o, e) -> {
                    try {
                        exec.execute(() -> {
                            if (session == s && !closed) {
                                publish(l);
                            }
                        });
                    } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                        // the runner closed: nothing to show any more
                    }
                });
            }
        }
    }

    private void closeSession() {
        ScenarioSession s = session;
        session = null;
        generation = -1;
        watched.clear();
        if (s != null) {
            s.close();
        }
    }
}
