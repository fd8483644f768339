package org.sockscope.lab;

import org.sockscope.kernel.OwnFiles;
import org.sockscope.kernel.SelfSchedstat;
import org.sockscope.posix.CallMeter;
import org.sockscope.posix.Libc;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.CallSpec;
import org.sockscope.trace.Event;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A named platform thread that makes one call at a time from its queue: one thread of a process
 * in the lecture's pictures. Platform, never virtual: a blocking write on a virtual thread returns
 * short counts (measured), which would teach the wrong lesson.
 */
public final class Actor implements Performer {
    private static final AtomicLong CALL_IDS = new AtomicLong();

    private final Lab lab;
    private final String name;
    private final String process;
    private final Thread thread;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile int tid = -1;
    private volatile boolean stopping;

    /** The call in progress, read by the sampler to detect blocking; guarded by {@code this}. */
    private Pending current;
    private long currentId;
    private boolean blockedReported;

    private record Pending(long id, Call call, CompletableFuture<CallOutcome> future) {
    }

    /** A submitted call: its id (as in the trace's events) and its result to come. */
    public record Submission(long callId, CompletableFuture<CallOutcome> result) {
    }

    /** A call in progress as the sampler sees it. */
    record InFlight(long callId, Call call, boolean blockedReported) {
    }

    Actor(Lab lab, String name, String process) {
        this.lab = lab;
        this.name = name;
        this.process = process;
        this.thread = Thread.ofPlatform().name("actor-" + name).daemon(true).unstarted(this::run);
        thread.start();
        try {
            if (!started.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("actor thread " + name + " did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting actor " + name, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String process() {
        return process;
    }

    /** True until the actor's thread has ended (after a reset, a thread still alive is one left behind). */
    public boolean alive() {
        return thread.isAlive();
    }

    @Override
    public int tid() {
        return tid;
    }

    @Override
    public int pid() {
        return PID;
    }

    private static final int PID = Libc.getpid();

    @Override
    public Submission submitTracked(Call call) {
        return submitTracked(call, nextCallId());
    }

    /** A call id no other call of this app has (thread actors and process actors draw from one count). */
    public static long nextCallId() {
        return CALL_IDS.incrementAndGet();
    }

    /** Queues {@code call} under the id {@code id} (a process actor's calls carry ids the app chose). */
    public Submission submitTracked(Call call, long id) {
        CompletableFuture<CallOutcome> f = new CompletableFuture<>();
        // Under the lock that stop() takes to set stopping: a call is either queued before the
        // thread drains its queue for the last time, or refused; never left queued forever.
        synchronized (queue) {
            if (stopping) {
                f.completeExceptionally(new IllegalStateException("actor " + name + " has stopped"));
            } else {
                queue.add(new Pending(id, call, f));
            }
        }
        return new Submission(id, f);
    }

    /** True while a call runs or is queued. */
    public synchronized boolean busy() {
        return current != null || !queue.isEmpty();
    }

    /** The call in progress, or null. */
    synchronized InFlight inFlight() {
        return current == null ? null : new InFlight(currentId, current.call(), blockedReported);
    }

    /** Records that the kernel says this actor sleeps in call {@code callId}, once, if it still runs. */
    synchronized boolean markBlocked(long callId, String syscall, String wchan) {
        if (current == null || currentId != callId || blockedReported) {
            return false;
        }
        blockedReported = true;
        lab.trace().append(new Event.CallBlocked(0, lab.trace().now(), name, callId, syscall, wchan));
        return true;
    }

    /**
     * Actors run at nice 10: when a stream keeps both cores busy, the window that shows it still
     * gets the CPU it needs. Blocking behaviour is unchanged; only CPU share under contention is.
     */
    static final int NICE = 10;

    private void run() {
        tid = Libc.gettid();
        Libc.setThreadNice(tid, NICE);
        SelfSchedstat.read(); // opens the thread's schedstat file now, not at a number a lesson just freed
        lab.trace().append(new Event.ActorChanged(0, lab.trace().now(), name, process, tid, true));
        started.countDown();
        while (!stopping) {
            Pending p;
            try {
                p = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // a cancelled loop's interrupt, or stop(): the loop condition decides
            }
            if (p != null) {
                execute(p);
            }
        }
        synchronized (queue) {
            for (Pending p; (p = queue.poll()) != null; ) {
                p.future().completeExceptionally(new IllegalStateException("actor " + name + " stopped before the call ran"));
            }
        }
        SelfSchedstat.release();
        lab.trace().append(new Event.ActorChanged(0, lab.trace().now(), name, process, tid, false));
    }

    private void execute(Pending p) {
        long id = p.id();
        CallSpec spec = p.call().spec();
        synchronized (this) {
            current = p;
            currentId = id;
            blockedReported = false;
            lab.trace().append(new Event.CallStarted(0, lab.trace().now(), name, id, spec));
        }
        // Asked under the registry lock, which the sampler holds for a whole probe pass: a pass that
        // began before this call was published may hold the kernel's lock on its socket or pipe, and
        // is waited out, so the call never sleeps on SockScope's own probe (later passes skip it).
        boolean freed = lab.usesFreedNumber(p.call());
        if (!freed && !p.call().takesNumber()) {
            measured(p, id, spec);
            return;
        }
        // On a number no lab descriptor holds, and for socket() (which takes the lowest free number),
        // the call is made while SockScope opens no file of its own (one JVM, one table): the kernel
        // answers for the slot as the lesson left it, not for a /proc read's file. The wait for that
        // is outside the call's measurement.
        try (OwnFiles.Exclusive _ = OwnFiles.exclusive()) {
            String refused = freed ? lab.refusal(p.call()) : null;
            if (refused != null) {
                notMade(p, spec, refused, new IllegalStateException(spec.text() + " was not made: " + refused));
                return;
            }
            measured(p, id, spec);
        }
    }

    /** Makes the call, measuring it, and records what it did. */
    private void measured(Pending p, long id, CallSpec spec) {
        // The call measures itself: the call meter counts what the kernel did inside each system
        // call; the thread's CPU clock and schedstat's run-queue wait bracket the whole entry (a
        // loop's overhead included), read inside the wall-clock bracket, so CPU + waiting ≤ wall.
        CallMeter meter = CallMeter.current();
        meter.reset();
        long t0 = System.nanoTime();
        long cpu0 = Libc.threadCpuNanos();
        long wait0 = SelfSchedstat.read().waitNanos();
        Call.Result r;
        try {
            r = switch (p.call()) {
                case Call.Close c -> lab.closeOwned(c, id);
                case Call.Spawn s -> lab.spawn(s, this);
                case Call.Store st -> lab.memory().store(st);
                case Call.Load l -> lab.memory().load(l);
                default -> p.call().execute(id);
            };
        } catch (RuntimeException e) {
            notMade(p, spec, e.getMessage(), e);
            return;
        }
        long wait1 = SelfSchedstat.read().waitNanos();
        long cpu1 = Libc.threadCpuNanos();
        long wall = System.nanoTime() - t0;
        long cpu = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
        long wait = wait0 < 0 || wait1 < 0 ? -1 : wait1 - wait0;
        if (r == null) {
            notMade(p, spec, "it was stopped before its first system call",
                    new java.util.concurrent.CancellationException(spec.text() + " was stopped before its first system call"));
            return;
        }
        CallOutcome outcome = new CallOutcome(r.sys().value(), r.sys().errno(), r.calls(), r.last().value(), r.last().errno(),
                r.stop(), meter.syscallNanos(), meter.voluntarySwitches(), meter.involuntarySwitches(), wall, cpu, wait,
                p.call().movesBytes() ? r.total() : -1);
        synchronized (this) {
            lab.afterCall(this, p.call(), r);
            lab.trace().append(new Event.CallReturned(0, lab.trace().now(), name, id, spec, outcome, r.data()));
            current = null;
        }
        lab.sampler().sampleAfterCall();
        p.future().complete(outcome);
    }

    /**
     * The call never reached the kernel (a bad argument, a loop stopped before its first call):
     * say so, and show the actor idle again rather than inventing a return value.
     */
    private void notMade(Pending p, CallSpec spec, String why, Throwable e) {
        synchronized (this) {
            current = null;
            lab.trace().append(new Event.Note(0, lab.trace().now(), name + ": " + spec.text() + " was not made: " + why));
            lab.trace().append(new Event.ActorChanged(0, lab.trace().now(), name, process, tid, true));
        }
        p.future().completeExceptionally(e);
    }

    /** Interrupts a running loop ({@link Call.Repeat}, fill, drain): it ends after its current system call. */
    void interruptLoop() {
        thread.interrupt();
    }

    /** Asks the thread to stop after its current call (a loop after its current system call). */
    void requestStop() {
        synchronized (queue) {
            stopping = true;
        }
        thread.interrupt();
    }

    /** Waits up to {@code millis} for the thread to end; true when it has. */
    boolean awaitStop(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
