package org.sockscope.scenario;

import org.sockscope.kernel.Descriptor;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Lab;
import org.sockscope.lab.Performer;
import org.sockscope.lab.World;
import org.sockscope.lab.agent.Worlds;
import org.sockscope.posix.SockAddr;
import org.sockscope.lab.LabException;
import org.sockscope.lab.SocketOptions;
import org.sockscope.trace.Slot;
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
    private final World lab;
    private final Map<String, Integer> fds = new ConcurrentHashMap<>();
    /** The process whose table each descriptor name's number is a slot of. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    /** Name → the tables of spawned processes that hold a copy of it, at the same number. */
    private final Map<String, java.util.Set<String>> copies = new ConcurrentHashMap<>();
    private final Map<String, Long> vars = new ConcurrentHashMap<>();
    /** What each descriptor name named when it was bound: the kernel's identity (SO_COOKIE, inode). */
    private final Map<String, Descriptor> boundAs = new ConcurrentHashMap<>();
    /** Each socket name's address as it was when the name was bound. */
    private final Map<String, SockAddr> addresses = new ConcurrentHashMap<>();
    private final CallBinder binder = new CallBinder(fds, vars, addresses);
    private final Map<Long, Event.CallBlocked> blocked = new ConcurrentHashMap<>();
    /** What each returned call copied out or found ready, by call id (kept as the trace listener sees it). */
    private final Map<Long, String> returnedData = new ConcurrentHashMap<>();
    private final Map<Long, Long> startedSeq = new ConcurrentHashMap<>();
    private final Map<Long, Long> returnedSeq = new ConcurrentHashMap<>();
    private final List<Running> running = new ArrayList<>();
    private final List<Long> traceIndexAfter = new ArrayList<>();
    private int next;

    /** A step's call in the lab; {@code bound} completes once what its {@code as:} binds is bound (or not, for a failed call). */
    private record Running(Step step, String text, Performer actor, Actor.Submission submission, long requested,
                           long wallStart, long[] schedStart, List<String> notes, CompletableFuture<Void> bound,
                           Map<String, Long> figures) {
    }

    /**
     * Sets up the scenario's world in fresh processes (or threads, see {@link Worlds}); a failed
     * set-up closes everything and says why.
     */
    public ScenarioSession(Scenario scenario) throws LabException {
        this(scenario, Worlds.create(needsProcesses(scenario)));
    }

    /** True when a step of {@code scenario} spawns a process: it then runs on real processes whatever {@link Worlds} says. */
    public static boolean needsProcesses(Scenario scenario) {
        return scenario.setup().processes().stream().anyMatch(ProcessSpec::spawnedProcess);
    }

    /** Sets up the scenario in {@code world}, which the session then owns and closes. */
    public ScenarioSession(Scenario scenario, World world) throws LabException {
        this.scenario = scenario;
        this.lab = world;
        lab.trace().addListener(e -> {
            if (e instanceof Event.CallBlocked b) {
                blocked.put(b.callId(), b);
            } else if (e instanceof Event.CallStarted st) {
                startedSeq.put(st.callId(), st.seq());
            } else if (e instanceof Event.CallReturned r) {
                returnedData.put(r.callId(), r.data());
                returnedSeq.put(r.callId(), r.seq());
            }
        });
        try {
            SetupRunner.run(scenario.setup(), lab, fds, owners, addresses, this::actorFor);
            fds.forEach(this::remember);
        } catch (LabException | RuntimeException e) {
            lab.close();
            throw e instanceof LabException le ? le : new LabException("set-up failed: " + e.getMessage());
        }
    }

    /** The scenario being run. */
    public Scenario scenario() {
        return scenario;
    }

    /** The world it runs in. */
    public World world() {
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

    /**
     * Every slot a scenario name is in: where it was bound, then the copies in processes spawned
     * since (same number, other tables).
     */
    public List<Slot> slots(String name) {
        List<Slot> out = new ArrayList<>();
        slot(name).ifPresent(s -> {
            out.add(s);
            copies.getOrDefault(name, java.util.Set.of()).stream().sorted().forEach(t -> out.add(new Slot(t, s.fd())));
        });
        return out;
    }

    /** The slot (process, number) a scenario name is bound to, if any. */
    public Optional<Slot> slot(String name) {
        Integer fd = fds.get(name);
        String owner = owners.get(name);
        return fd == null || owner == null ? Optional.empty() : Optional.of(new Slot(owner, fd));
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
        Performer actor = actorFor(step.process());
        List<String> notes = slotNotes(step);
        org.sockscope.lab.Call call = binder.bind(step.call(), step.repeat());
        long requested = binder.requested(step.call());
        String text = binder.resolvedText(step.call());
        Actor.Submission sub = actor.submitTracked(call);
        long[] sched = org.sockscope.kernel.ThreadProbe.schedstat(actor.pid(), actor.tid());
        Running r = new Running(step, text, actor, sub, requested, System.nanoTime(), sched, notes,
                sub.result().thenAccept(o -> bind(step, o, sub.callId())), new ConcurrentHashMap<>());
        running.add(r);
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

    /** The results of the started calls that have not returned yet, in step order. */
    public List<CompletableFuture<CallOutcome>> pendingResults() {
        return runningCopy().stream().map(r -> r.submission().result()).filter(f -> !f.isDone()).toList();
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

    /**
     * The scenario's checks, each failing one with what it says (a check the steps have not settled
     * counts as failed: "not settled"); empty when all held.
     */
    public List<String> failedChecks() {
        Map<String, StepOutcome> now = outcomes();
        return scenario.checks().stream().filter(c -> !Boolean.TRUE.equals(c.settled(now)))
                .map(c -> "line " + c.sourceLine() + ": " + c.failure(now)).toList();
    }

    /**
     * The letters of the question's choices that match what the kernel did, from settled outcomes
     * only: {@link #answer} with its default wait. Empty without a question.
     */
    public List<String> matchingChoices() {
        return answer(ANSWER_WAIT).letters();
    }

    /** How long {@link #answer} waits by default for the calls a question depends on to settle. */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    /**
     * The question's answer from settled outcomes only: waits (up to {@code max}) until every rule
     * is decided by calls that returned, failed, or that the kernel reported asleep. The app's reveal
     * and the command line both decide here.
     */
    public Answer answer(Duration max) {
        var q = scenario.question();
        if (q.isEmpty()) {
            return new Answer(List.of(), List.of(), Map.of());
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            Map<String, StepOutcome> now = outcomes();
            Optional<List<String>> letters = QuestionRules.settledMatching(q.get(), now);
            if (letters.isPresent()) {
                return new Answer(letters.get(), List.of(), now);
            }
            if (System.nanoTime() > deadline) {
                return new Answer(List.of(), QuestionRules.unsettledSteps(q.get(), now), now);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * The ids of the steps whose calls the question's rules still wait for (not yet returned,
     * failed, or reported asleep, as each rule needs), in step order; empty when the answer is
     * decided now, or without a question. {@link #answer} waits for exactly these.
     */
    public List<String> unsettledSteps() {
        return scenario.question().map(q -> QuestionRules.unsettledSteps(q, outcomes())).orElse(List.of());
    }

    /**
     * A question's answer: the matching letters once settled, or, when the wait ran out, the ids of
     * the steps whose calls had still not settled (then no letter is given); and the outcomes it was
     * decided from (step id → outcome), so the screen shows the very figures a rule judged.
     */
    public record Answer(List<String> letters, List<String> unsettled, Map<String, StepOutcome> outcomes) {
        public Answer {
            letters = List.copyOf(letters);
            unsettled = List.copyOf(unsettled);
            outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }

        /** True when the kernel's outcomes decided the answer. */
        public boolean settled() {
            return unsettled.isEmpty();
        }
    }

    @Override
    public void close() {
        lab.close();
    }

    // ---- internals ------------------------------------------------------------------------

    private synchronized List<Running> runningCopy() {
        return List.copyOf(running);
    }

    private final Map<String, Performer> actors = new HashMap<>();

    private Performer actorFor(String process) {
        return actors.computeIfAbsent(process, p -> {
            try {
                return lab.actor(p, tableOf(p));
            } catch (LabException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private String tableOf(String process) {
        return scenario.setup().process(process).map(ProcessSpec::table).orElse(process);
    }

    private void bind(Step step, CallOutcome o, long callId) {
        if (!o.failed() && step.call().name().equals("spawn") && step.call().args().getFirst() instanceof Arg.Process child
                && !child.thread()) {
            inherit(tableOf(step.process()), child.name());
        }
        if (!o.failed() && step.call().name().equals("socketpair")) {
            int[] sv = org.sockscope.lab.Call.SocketPair.ends(returnedData.getOrDefault(callId, ""));
            List<String> ends = CallSignatures.pairEnds(((Arg.Variable) step.call().args().get(3)).name());
            for (int i = 0; i < ends.size() && i < sv.length; i++) {
                bindDescriptor(ends.get(i), sv[i], step.process());
            }
        }
        // A loop binds its outcome even when its last call failed (a fill ends on EAGAIN).
        if (step.bind().isEmpty() || o.failed() && !o.loop()) {
            return;
        }
        String name = step.bind().get();
        if (o.loop()) {
            vars.put(name + ".calls", o.calls());
            vars.put(name + ".last", o.lastRet());
            vars.put(name + ".errno", (long) o.lastErrno());
            if (o.total() >= 0) {
                vars.put(name, o.total()); // what a C loop adds up: the bytes moved in all
                return;
            }
            if (o.failed()) {
                return; // the last call returned no descriptor or number to bind
            }
        }
        if (CallSignatures.returnsDescriptor(step.call().name())) {
            bindDescriptor(name, (int) o.ret(), step.process());
        } else if (step.call().name().equals("getsockname")) {
            // What C reads from the struct the kernel filled: the port (the call itself returned 0).
            SockAddr a = SockAddr.parse(returnedData.getOrDefault(callId, ""));
            if (a != null) {
                vars.put(name, (long) a.port());
            }
        } else {
            vars.put(name, o.ret());
        }
    }

    /** {@code name} now names new descriptor {@code fd} of {@code process}'s table. */
    private void bindDescriptor(String name, int fd, String process) {
        fds.put(name, fd);
        owners.put(name, tableOf(process));
        copies.remove(name); // a new descriptor: no spawned process holds it
        remember(name, fd);
    }

    /** Process {@code child} was spawned from {@code parent}'s table: it holds a copy of each name there. */
    private void inherit(String parent, String child) {
        for (String name : fds.keySet()) {
            if (parent.equals(owners.get(name)) || copies.getOrDefault(name, java.util.Set.of()).contains(parent)) {
                copies.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(child);
            }
        }
    }

    /** Notes what {@code name} names now that it is bound to {@code fd}: its identity, its address. */
    private void remember(String name, int fd) {
        Descriptor d = lab.described(owners.get(name), fd);
        if (d == null) {
            return;
        }
        boundAs.put(name, d);
        SockAddr a = d.kind() == Descriptor.Kind.SOCKET ? SockAddr.parse(d.local()) : null;
        if (a != null && a.port() != 0) {
            addresses.put(name, a);
        } else {
            addresses.remove(name);
        }
    }

    /**
     * What the step's descriptor names hold now, where it is not what they were bound to: a name
     * holds a number, as in C, and after close() the kernel frees the slot and may give it to a new
     * descriptor. The call still uses the number (a free slot: the kernel answers; a reused one: the
     * call reaches what holds it now), and the step says so. A slot that now holds one of the JVM's
     * own descriptors is refused: SockScope makes no call on what it did not open.
     */
    private List<String> slotNotes(Step step) {
        List<String> notes = new ArrayList<>();
        Call c = step.call();
        for (int i = 0; i < c.args().size(); i++) {
            if (!(c.args().get(i) instanceof Arg.Fd || c.args().get(i) instanceof Arg.FdSet)
                    || c.name().equals("connect") && i == 1) { // connect's second name stands for its address
                continue;
            }
            List<String> names = c.args().get(i) instanceof Arg.Fd f ? List.of(f.name()) : ((Arg.FdSet) c.args().get(i)).names();
            for (String name : names) {
                Integer fd = fds.get(name);
                Descriptor was = boundAs.get(name);
                if (fd == null || was == null) {
                    continue;
                }
                Descriptor now = lab.described(tableOf(step.process()), fd); // the caller's slot: a spawned child has its own copy
                // In this JVM's own table a freed number may now hold the JVM's file; a process
                // actor's agent refuses such a call itself.
                if (now == null && lab instanceof Lab && org.sockscope.kernel.DescriptorTable.describeOwn(fd) != null) {
                    throw new IllegalStateException("step " + (step.index() + 1) + " (line " + step.sourceLine() + "): "
                            + name + " (fd " + fd + ") was closed, and the JVM has since opened a descriptor of its own at"
                            + " that number; SockScope makes no call on a descriptor it did not open");
                }
                if (now == null) {
                    notes.add(name + " holds fd " + fd + ", which is closed: the slot is free now");
                } else if (!now.sameObject(was)) {
                    notes.add(name + " holds fd " + fd + ", which now names a different " + kindWord(now) + ": "
                            + now.identityText() + ", not " + was.identityText() + " that " + name + " named before");
                }
            }
        }
        notes.forEach(n -> lab.trace().append(new Event.Note(0, lab.trace().now(), n)));
        return List.copyOf(notes);
    }

    private static String kindWord(Descriptor d) {
        return d.kind() == Descriptor.Kind.SOCKET ? "socket" : d.kind() == Descriptor.Kind.FILE ? "file" : "pipe end";
    }

    private void awaitNames(Step step) {
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        while (!binder.missing(step.call()).isEmpty()) {
            unbindable(step, binder.missing(step.call()));
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("step " + (step.index() + 1) + " (line " + step.sourceLine() + ") uses "
                        + binder.missing(step.call()) + ", but the step that binds it has not returned within "
                        + STEP_WAIT.toSeconds() + " s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * Throws when a name {@code step} needs was to be bound by a step that has returned without
     * binding it (its call failed): waiting longer would not help.
     */
    private void unbindable(Step step, List<String> missing) {
        for (String name : missing) {
            for (Running r : running.reversed()) {
                String bound = r.step().bind().orElse("");
                if (!name.equals(bound) && !name.startsWith(bound + ".") || !r.bound().isDone()) {
                    continue;
                }
                if (!binder.missing(step.call()).contains(name)) {
                    return; // bound just now, after the names were read
                }
                String how = r.submission().result().isCompletedExceptionally() ? "was not made"
                        : "returned " + r.submission().result().join().display();
                throw new IllegalStateException("step " + (step.index() + 1) + " (line " + step.sourceLine() + ") uses '"
                        + name + "', but step " + (r.step().index() + 1) + ", which binds it, " + how
                        + ", so 'as: " + bound + "' holds no value");
            }
        }
    }

    private void awaitSettled(Running r) {
        CompletableFuture<CallOutcome> done = r.submission().result();
        long deadline = System.nanoTime() + (r.step().repeat().isPresent() ? LOOP_GRACE : STEP_WAIT).toNanos();
        while (!done.isDone() && !blocked.containsKey(r.submission().callId()) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        if (done.isDone()) {
            lab.sampleNow();
        }
        readFigures(r);
    }

    /** Reads the kernel figures the step's expectations name, from the probes so far ({@link StepFigures}). */
    private void readFigures(Running r) {
        r.figures().putAll(StepFigures.queues(r.step(), lab.trace().latest(), this::slot));
    }

    /**
     * The step's outcome as far as the kernel has said: a returned call's own measurement (its
     * thread's counters around each system call, schedstat and the clock around the whole entry),
     * or a running call, asleep when the kernel reported its thread sleeping in it.
     */
    private StepOutcome outcome(Running r) {
        CompletableFuture<CallOutcome> f = r.submission().result();
        if (f.isDone() && !f.isCompletedExceptionally()) {
            CallOutcome o = f.join();
            StepOutcome base = o.failed() ? StepOutcome.failed(o.errno(), r.requested(), o.blocked())
                    : StepOutcome.returned(o.ret(), r.requested(), o.blocked());
            Map<String, Long> figures = new HashMap<>(r.figures());
            figures.putAll(StepFigures.ready(r.step(), returnedData.getOrDefault(r.submission().callId(), ""), fds));
            return base.measured(o.calls(), o.cpuNanos(), o.waitNanos(), o.wallNanos()).ended(o.total(), o.stop())
                    .withFigures(figures);
        }
        // Still running: the thread's schedstat since the step began, read from outside (a loop has
        // its thread to itself), so "busy so far" is a kernel figure over a window that has passed.
        long[] now = org.sockscope.kernel.ThreadProbe.schedstat(r.actor().pid(), r.actor().tid());
        boolean readable = now[0] >= 0 && r.schedStart()[0] >= 0;
        return new StepOutcome(false, 0, 0, blocked.containsKey(r.submission().callId()), r.requested(), 1,
                readable ? now[0] - r.schedStart()[0] : -1, readable ? now[1] - r.schedStart()[1] : -1,
                System.nanoTime() - r.wallStart(), -1, CallOutcome.Stop.RETURNED, r.figures());
    }

    private StepReport report(Running r) {
        StepOutcome o = outcome(r);
        Event.CallBlocked b = blocked.get(r.submission().callId());
        String data = returnedData.getOrDefault(r.submission().callId(), "");
        List<OutcomePattern> unmet = r.step().expect().stream().filter(p -> Boolean.FALSE.equals(p.settled(o))).toList();
        return new StepReport(r.step(), r.text(), r.submission().callId(), o, b == null || o.finished() ? "" : b.syscall(),
                b == null || o.finished() ? "" : b.wchan(), data, lab.trace().size() - 1, unmet,
                startedSeq.getOrDefault(r.submission().callId(), -1L), returnedSeq.getOrDefault(r.submission().callId(), -1L),
                r.notes());
    }

    static SocketOptions options(TcpSpec t) {
        return new SocketOptions(t.sndbuf().orElse(0), t.rcvbuf().orElse(0), t.nodelay());
    }
}
