package org.sockscope.scenario;

import org.sockscope.kernel.ThreadProbe;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Lab;
import org.sockscope.lab.LabException;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Libc;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One run of a scenario on a fresh lab: set-up, then one step at a time on real sockets. A step
 * that blocks is a step: {@link #step()} returns as soon as the kernel says the call sleeps, and a
 * later step can wake it. Every figure in a report came from the kernel or a return value.
 */
public final class ScenarioSession implements AutoCloseable {
    /** How long a step may take to return or block before the run moves on without it. */
    static final Duration STEP_WAIT = Duration.ofSeconds(5);
    /** How long a looping step runs before the run moves on (it keeps looping meanwhile). */
    static final Duration LOOP_GRACE = Duration.ofMillis(100);

    private final Scenario scenario;
    private final Lab lab;
    private final int pid = Libc.getpid();
    private final Map<String, Integer> fds = new ConcurrentHashMap<>();
    private final Map<String, Long> vars = new ConcurrentHashMap<>();
    private final CallBinder binder = new CallBinder(fds, vars);
    private final Map<Long, Event.CallBlocked> blocked = new ConcurrentHashMap<>();
    /** What each returned call copied out or found ready, by call id (kept as the trace listener sees it). */
    private final Map<Long, String> returnedData = new ConcurrentHashMap<>();
    private final Map<Long, long[]> schedEnd = new ConcurrentHashMap<>();
    private final List<Running> running = new ArrayList<>();
    private final List<Long> traceIndexAfter = new ArrayList<>();
    private int next;

    /** A step's call in the lab. */
    private record Running(Step step, String text, Actor actor, Actor.Submission submission, long requested,
                           long[] schedStart, long wallStart) {
    }

    /** Sets up the scenario's world on a fresh lab; a failed set-up closes everything and says why. */
    public ScenarioSession(Scenario scenario) throws LabException {
        this.scenario = scenario;
        this.lab = new Lab();
        lab.trace().addListener(e -> {
            if (e instanceof Event.CallBlocked b) {
                blocked.put(b.callId(), b);
            } else if (e instanceof Event.CallReturned r) {
                returnedData.put(r.callId(), r.data());
            }
        });
        try {
            SetupRunner.run(scenario.setup(), lab, fds, this::actorFor);
        } catch (LabException | RuntimeException e) {
            lab.close();
            throw e instanceof LabException le ? le : new LabException("set-up failed: " + e.getMessage());
        }
    }

    /** The scenario being run. */
    public Scenario scenario() {
        return scenario;
    }

    /** The lab it runs in. */
    public Lab lab() {
        return lab;
    }

    /** The trace of this run. */
    public Trace trace() {
        return lab.trace();
    }

    /** Index of the next step to run; equals the step count when all have run. */
    public synchronized int nextIndex() {
        return next;
    }

    /** True when every step has been started. */
    public synchronized boolean done() {
        return next >= scenario.steps().size();
    }

    /** The descriptor number bound to a scenario name ({@code conn.server}), if any. */
    public Optional<Integer> fd(String name) {
        return Optional.ofNullable(fds.get(name));
    }

    /** The last trace index at the end of step {@code i} (for reviewing that moment). */
    public synchronized long traceIndexAfter(int i) {
        return traceIndexAfter.get(i);
    }

    /**
     * Runs the next step: submits its call and returns once it returned, the kernel reported it
     * blocked, or (for a loop) it has been looping briefly. Names a step binds become available
     * when it returns; a step that needs one waits (bounded) for it.
     */
    public synchronized StepReport step() {
        if (done()) {
            throw new IllegalStateException("every step has run");
        }
        Step step = scenario.steps().get(next);
        awaitNames(step);
        Actor actor = actorFor(step.process());
        org.sockscope.lab.Call call = binder.bind(step.call(), step.repeat());
        long requested = binder.requested(step.call());
        String text = binder.resolvedText(step.call());
        long[] sched = ThreadProbe.schedstat(pid, actor.tid());
        Actor.Submission sub = actor.submitTracked(call);
        Running r = new Running(step, text, actor, sub, requested, sched, System.nanoTime());
        running.add(r);
        sub.result().thenAccept(o -> {
            // The thread's CPU figures when the call returned: later calls on the same thread must not count.
            schedEnd.put(sub.callId(), ThreadProbe.schedstat(pid, actor.tid()));
            bind(step, o);
        });
        awaitSettled(r);
        next++;
        traceIndexAfter.add((long) lab.trace().size() - 1);
        return report(r);
    }

    /** Runs every remaining step, then waits (bounded) for blocked ones to finish. */
    public synchronized List<StepReport> runToEnd() {
        while (!done()) {
            step();
        }
        settle(Duration.ofSeconds(2));
        return reports();
    }

    /** Waits up to {@code max} for every started call to return. */
    public void settle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (Running r : runningCopy()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                r.submission().result().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still blocked (or failed to run): reported as such
            }
        }
    }

    /** A report on every step started so far, as known now. */
    public List<StepReport> reports() {
        return runningCopy().stream().map(this::report).toList();
    }

    /** The outcome so far of every started step that has an id, for the question's rules. */
    public Map<String, StepOutcome> outcomes() {
        Map<String, StepOutcome> out = new LinkedHashMap<>();
        for (Running r : runningCopy()) {
            r.step().id().ifPresent(id -> out.put(id, outcome(r)));
        }
        return out;
    }

    /** The letters of the question's choices that match what the kernel did; empty without a question. */
    public List<String> matchingChoices() {
        return scenario.question().map(q -> QuestionRules.matching(q, outcomes())).orElse(List.of());
    }

    @Override
    public void close() {
        lab.close();
    }

    // ---- internals ------------------------------------------------------------------------

    private synchronized List<Running> runningCopy() {
        return List.copyOf(running);
    }

    private final Map<String, Actor> actors = new HashMap<>();

    private Actor actorFor(String process) {
        return actors.computeIfAbsent(process, p -> lab.actor(p,
                scenario.setup().process(p).map(ProcessSpec::table).orElse(p)));
    }

    private void bind(Step step, CallOutcome o) {
        if (step.bind().isEmpty() || o.failed()) {
            return;
        }
        String name = step.bind().get();
        if (CallSignatures.returnsDescriptor(step.call().name())) {
            fds.put(name, (int) o.ret());
        } else {
            vars.put(name, o.ret());
        }
    }

    private void awaitNames(Step step) {
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        while (!binder.missing(step.call()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("step " + (step.index() + 1) + " (line " + step.sourceLine() + ") uses "
                        + binder.missing(step.call()) + ", but the step that binds it has not returned within "
                        + STEP_WAIT.toSeconds() + " s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private void awaitSettled(Running r) {
        CompletableFuture<CallOutcome> done = r.submission().result();
        long deadline = System.nanoTime() + (r.step().repeat().isPresent() ? LOOP_GRACE : STEP_WAIT).toNanos();
        while (!done.isDone() && !blocked.containsKey(r.submission().callId()) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        if (done.isDone()) {
            lab.sampler().sampleNow();
        }
    }

    private StepOutcome outcome(Running r) {
        CompletableFuture<CallOutcome> f = r.submission().result();
        boolean wasBlocked = blocked.containsKey(r.submission().callId());
        if (f.isDone() && !f.isCompletedExceptionally()) {
            CallOutcome o = f.join();
            StepOutcome base = o.failed() ? StepOutcome.failed(o.errno(), r.requested(), o.blocked())
                    : StepOutcome.returned(o.ret(), r.requested(), o.blocked());
            long[] used = schedSince(r);
            return base.measured(o.calls(), used[0], used[1], o.durationNanos());
        }
        StepOutcome p = new StepOutcome(false, 0, 0, wasBlocked, r.requested(), 1, 0, 0, 0);
        long[] used = schedSince(r);
        return p.measured(1, used[0], used[1], System.nanoTime() - r.wallStart());
    }

    /**
     * CPU time and run-queue wait of the step's thread from the step's start to its return (or to
     * now while it runs), from schedstat; exact for a loop, which has its thread to itself.
     */
    private long[] schedSince(Running r) {
        long[] end = schedEnd.get(r.submission().callId());
        long[] now = end != null ? end : ThreadProbe.schedstat(pid, r.actor().tid());
        if (now[0] < 0 || r.schedStart()[0] < 0) {
            return new long[] {0, 0};
        }
        return new long[] {Math.max(0, now[0] - r.schedStart()[0]), Math.max(0, now[1] - r.schedStart()[1])};
    }

    private StepReport report(Running r) {
        StepOutcome o = outcome(r);
        Event.CallBlocked b = blocked.get(r.submission().callId());
        String data = returnedData.getOrDefault(r.submission().callId(), "");
        List<OutcomePattern> unmet = o.finished() ? r.step().unmet(o) : r.step().expect().stream()
                .filter(p -> !mayStillMatch(p, o)).toList();
        return new StepReport(r.step(), r.text(), r.submission().callId(), o, b == null || o.finished() ? "" : b.syscall(),
                b == null || o.finished() ? "" : b.wchan(), data, lab.trace().size() - 1, unmet);
    }

    /** While a call is pending only "blocks" can be judged; the rest waits for its return. */
    private static boolean mayStillMatch(OutcomePattern p, StepOutcome pending) {
        return !(p instanceof OutcomePattern.Blocks) || p.matches(pending);
    }

    static SocketOptions options(TcpSpec t) {
        return new SocketOptions(t.sndbuf().orElse(0), t.rcvbuf().orElse(0), t.nodelay());
    }
}
