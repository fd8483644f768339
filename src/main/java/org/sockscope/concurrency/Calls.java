package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.Performer;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes the models' and the clients' calls through the lab's actors, so each is measured and
 * recorded as every SockScope call is, and keeps per-process sums of what the calls measured.
 */
final class Calls {
    /** The longest any one call may take before the run gives up on it. */
    static final long CALL_TIMEOUT_SECONDS = 60;
    /** The longest a whole side of a run (every client, every connection's thread) may take. */
    static final long RUN_TIMEOUT_SECONDS = 600;

    /** What one process's calls measured, summed. */
    static final class Sums {
        final LongAdder calls = new LongAdder();
        final LongAdder voluntary = new LongAdder();
        final LongAdder involuntary = new LongAdder();
        final LongAdder cpuNanos = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        /** How many processes' calls these are (for a sum of several). */
        final LongAdder processes = new LongAdder();
    }

    private final Map<Long, String> data = new ConcurrentHashMap<>();
    private final Map<String, Sums> sums = new ConcurrentHashMap<>();

    private volatile RunBudget budget;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakConnections = new java.util.concurrent.atomic.AtomicInteger();

    /** The server accepted a connection (accept() returned it). */
    void opened() {
        peakConnections.accumulateAndGet(connections.incrementAndGet(), Math::max);
    }

    /** The server closed a connection. */
    void closed() {
        connections.decrementAndGet();
    }

    /** The most connections the server held open at once (accept()ed and not yet closed). */
    int peakConnections() {
        return peakConnections.get();
    }

    /** The run's budget, checked before each connection's thread or process; null when none was set. */
    RunBudget budget() {
        return budget;
    }

    void budget(RunBudget b) {
        this.budget = b;
    }

    Calls(Trace trace) {
        trace.addListener(e -> {
            if (e instanceof Event.CallReturned r && !r.data().isEmpty()) {
                data.put(r.callId(), r.data());
            }
        });
    }

    /** {@code call} made by {@code actor}, once it returned; a call that does not return in time ends the run. */
    CallOutcome make(Performer actor, Call call) {
        return outcome(actor, call, actor.submitTracked(call));
    }

    /** Like {@link #make}, with what the call returned besides its value (select()'s ready sets). */
    Made makeWithData(Performer actor, Call call) {
        return makeWithData(actor, call, CALL_TIMEOUT_SECONDS);
    }

    /** Like {@link #makeWithData(Performer, Call)}, for a call that may take up to {@code timeoutSeconds} (a load loop). */
    Made makeWithData(Performer actor, Call call, long timeoutSeconds) {
        var sub = actor.submitTracked(call);
        CallOutcome o = outcome(actor, call, sub, timeoutSeconds);
        String d = data.remove(sub.callId());
        return new Made(o, d == null ? "" : d);
    }

    record Made(CallOutcome outcome, String data) {
    }

    /**
     * {@code call} made by an observer's actor (the accept-queue probe): recorded in the trace as
     * any call, but left out of its process's sums, which are the model's own calls.
     */
    Made observe(Performer actor, Call call) {
        var sub = actor.submitTracked(call);
        CallOutcome o = awaited(actor, call, sub, CALL_TIMEOUT_SECONDS);
        String d = data.remove(sub.callId());
        return new Made(o, d == null ? "" : d);
    }

    private CallOutcome outcome(Performer actor, Call call, org.sockscope.lab.Actor.Submission sub) {
        return outcome(actor, call, sub, CALL_TIMEOUT_SECONDS);
    }

    private CallOutcome outcome(Performer actor, Call call, org.sockscope.lab.Actor.Submission sub, long timeoutSeconds) {
        CallOutcome o = awaited(actor, call, sub, timeoutSeconds);
        Sums s = sums.computeIfAbsent(actor.process(), p -> new Sums());
        s.calls.add(o.calls());
        s.voluntary.add(o.voluntarySwitches());
        s.involuntary.add(o.involuntarySwitches());
        if (o.cpuNanos() > 0) {
            s.cpuNanos.add(o.cpuNanos());
        }
        if (o.failed()) {
            s.errors.computeIfAbsent(call.spec().name() + ": " + o.errnoName(), k -> new LongAdder()).increment();
        }
        return o;
    }

    private static CallOutcome awaited(Performer actor, Call call, org.sockscope.lab.Actor.Submission sub, long timeoutSeconds) {
        CallOutcome o;
        try {
            o = sub.result().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(actor.name() + ": interrupted in " + call.spec().text());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(actor.name() + ": " + call.spec().text() + " was not made: " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(actor.name() + ": " + call.spec().text() + " did not return within "
                    + timeoutSeconds + " s");
        }
        return o;
    }

    /** Waits for every driver in {@code drivers} (bounded); {@code who} names them in the failure. */
    static void awaitAll(java.util.List<? extends java.util.concurrent.Future<?>> drivers, String who)
            throws org.sockscope.lab.LabException {
        try {
            for (java.util.concurrent.Future<?> f : drivers) {
                f.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new org.sockscope.lab.LabException(who + " failed: " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new org.sockscope.lab.LabException(who + " did not finish within " + RUN_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.sockscope.lab.LabException(who + ": interrupted");
        }
    }

    /** The sums of the calls of every process but {@code except}, and how many processes that is. */
    Sums allBut(String except) {
        Sums all = new Sums();
        sums.forEach((process, s) -> {
            if (!process.equals(except)) {
                all.calls.add(s.calls.sum());
                all.voluntary.add(s.voluntary.sum());
                all.involuntary.add(s.involuntary.sum());
                all.cpuNanos.add(s.cpuNanos.sum());
                s.errors.forEach((k, v) -> all.errors.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
                all.processes.increment();
            }
        });
        return all;
    }
}
