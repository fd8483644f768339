package org.sockscope.lab;

import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.PipeProbe;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.kernel.ThreadProbe;
import org.sockscope.kernel.ThreadState;
import org.sockscope.posix.Libc;
import org.sockscope.trace.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls the kernel on its own thread: every live socket's and pipe's figures (recorded only when a
 * figure changed) and the kernel state of every actor inside a call (recorded once as "blocked"
 * when the kernel says its thread sleeps in that call).
 */
public final class Sampler {
    private final Lab lab;
    private final long periodNanos;
    private final int pid = Libc.getpid();
    private final Thread thread;
    private volatile boolean running = true;
    /** The last recorded figures; guarded by {@code this}. */
    private List<SocketFigures> lastSockets = List.of();
    private List<PipeFigures> lastPipes = List.of();
    private long samples;
    private long recorded;

    Sampler(Lab lab, int hz) {
        if (hz < 1 || hz > 1000) {
            throw new IllegalArgumentException("sampling rate must be 1..1000 Hz, not " + hz);
        }
        this.lab = lab;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / hz;
        this.thread = Thread.ofPlatform().name("kernel-sampler").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The period between polls. */
    public long periodNanos() {
        return periodNanos;
    }

    /** How many polls ran, and how many of them recorded a sample (figures changed). */
    public synchronized long[] counts() {
        return new long[] {samples, recorded};
    }

    private void run() {
        long next = System.nanoTime();
        boolean reported = false;
        while (running) {
            long t0 = System.nanoTime();
            try {
                sampleNow();
                if (!paused) {
                    checkActors();
                }
            } catch (RuntimeException e) {
                // Keep sampling; say once what went wrong instead of dying silently.
                if (!reported) {
                    reported = true;
                    lab.trace().append(new Event.Note(0, lab.trace().now(), "kernel sampler: " + e));
                }
            }
            // A pass that took d is followed by at least 9·d of rest: the sampler's thread uses at
            // most about a tenth of a CPU, whatever the number of sockets and threads.
            next += Math.max(periodNanos, OBSERVER_SHARE * (System.nanoTime() - t0));
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // fell behind: don't try to catch up in a burst
            }
        }
    }

    /** Minimum spacing of {@link #sampleAfterCall()} samples: a stream must not sample per call. */
    private static final long AFTER_CALL_SPACING_NANOS = 2_000_000;
    private volatile long lastAfterCall;
    private volatile boolean everyCall;

    /**
     * Samples after every call from now on, however close: a process actor's app waits for that
     * reading before it shows the call's result (and its calls are spaced by the control channel).
     */
    public void sampleAfterEveryCall() {
        everyCall = true;
    }

    /**
     * Samples right after a call returned, so its effect on the buffers shows at once, unless a
     * sample was taken in the last 2 ms (a stream of calls then gets the regular polls instead).
     */
    public void sampleAfterCall() {
        long now = System.nanoTime();
        if (paused) {
            return;
        }
        long spacing = Math.max(AFTER_CALL_SPACING_NANOS, OBSERVER_SHARE * lastSampleNanos);
        boolean many = lab.registeredCount() > AFTER_CALL_MAX_DESCRIPTORS;
        // Past AFTER_CALL_MAX_DESCRIPTORS even a process that samples after every call (an agent)
        // spaces them, twice as far apart as the periodic passes: a call is then settled without
        // a reading of its own, and the next reading shows its effect.
        if (many ? now - lastAfterCall >= 2 * spacing : everyCall || now - lastAfterCall >= spacing) {
            lastAfterCall = now;
            sampleNow();
        }
    }

    /**
     * After a sample that took d, the next one after a call waits at least this many times d: the
     * probes take at most about a tenth of a busy thread's time, however many sockets there are
     * (a lesson's few sockets: microseconds, so every 2 ms as before).
     */
    private static final long OBSERVER_SHARE = 9;
    /**
     * Past this many descriptors a sample after a call is taken only when the last one is 2·9·d
     * old (it holds the registry, and the actor, for milliseconds at thousands of sockets). A
     * lesson's handful is sampled after every call as before.
     */
    static final int AFTER_CALL_MAX_DESCRIPTORS = 256;
    private volatile long lastSampleNanos;
    private volatile boolean paused;
    private final java.util.concurrent.atomic.LongAdder sampleNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder sampleCount = new java.util.concurrent.atomic.LongAdder();
    private volatile long maxSampleNanos;
    private volatile int lastProbed;

    /** Stops (true) or resumes (false) every kernel reading, periodic and after calls: observation off, to measure what it costs. */
    public void pause(boolean on) {
        paused = on;
    }

    /** True while {@link #pause paused}. */
    public boolean paused() {
        return paused;
    }

    /** What probing cost so far: {@code {samples, total ns, longest ns, sockets and pipes in the last one}}. */
    public long[] probeCost() {
        return new long[] {sampleCount.sum(), sampleNanos.sum(), maxSampleNanos, lastProbed};
    }

    /** Probes every live socket and pipe now and records a sample if any figure changed. */
    public void sampleNow() {
        if (paused) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            probeAll();
        } finally {
            long d = System.nanoTime() - t0;
            lastSampleNanos = d;
            sampleNanos.add(d);
            sampleCount.increment();
            maxSampleNanos = Math.max(maxSampleNanos, d);
        }
    }

    private void probeAll() {
        List<SocketFigures> sockets = new ArrayList<>();
        List<PipeFigures> pipes = new ArrayList<>();
        java.util.Set<Integer> busy = busyFds();
        synchronized (lab.registryLock) {
            for (Endpoint e : lab.endpoints()) {
                switch (e) {
                    // A socket or pipe with a call in flight that the kernel has not put to sleep is
                    // probed when the call returns: probing takes its lock (SIOCINQ, TCP_INFO, the pipe
                    // mutex), and a call that finds the lock taken sleeps for it, which its own
                    // measurement would then rightly count as a sleep in the kernel. The sample leaves
                    // it out; the snapshot keeps its last reading, with its time. A call asleep in the
                    // kernel has let go of the lock: its buffers are probed as it waits.
                    case Endpoint.Socket s when busy.contains(s.fd()) -> {
                    }
                    case Endpoint.PipeEnd p when busy.contains(p.fd()) || busy.contains(p.otherFd()) -> {
                    }
                    case Endpoint.Socket s -> {
                        SocketFigures f = SocketProbe.probe(s.fd());
                        if (f != null) {
                            sockets.add(f);
                        }
                    }
                    case Endpoint.PipeEnd p when p.readEnd() -> {
                        PipeFigures f = PipeProbe.probe(p.fd(), p.otherFd());
                        if (f != null) {
                            pipes.add(f);
                        }
                    }
                    case Endpoint.PipeEnd p when p.otherFd() < 0 -> {
                        // the write end alone (its read end is in another process): probed through it
                        PipeFigures f = PipeProbe.probe(-1, p.fd());
                        if (f != null) {
                            pipes.add(f);
                        }
                    }
                    case Endpoint.PipeEnd p -> {
                        // its read end, in this lab, is probed
                    }
                    case Endpoint.Epoll ep -> {
                        // no buffers: nothing to probe
                    }
                }
            }
            lastProbed = sockets.size() + pipes.size();
            // Record inside the lock: samples stay in the order they were taken.
            synchronized (this) {
                samples++;
                if (sockets.equals(lastSockets) && pipes.equals(lastPipes)) {
                    return;
                }
                lastSockets = List.copyOf(sockets);
                lastPipes = List.copyOf(pipes);
                recorded++;
                lab.trace().append(new Event.KernelSample(0, lab.trace().now(), sockets, pipes));
            }
        }
    }

    /** Descriptors of calls in flight that the kernel has not been seen to put to sleep. */
    private java.util.Set<Integer> busyFds() {
        java.util.Set<Integer> fds = new java.util.HashSet<>();
        for (Actor a : lab.actors()) {
            Actor.InFlight f = a.inFlight();
            if (f != null && !f.blockedReported()) {
                fds.addAll(f.call().fds());
            }
        }
        return fds;
    }

    /** Reports, once per call, every actor the kernel says is asleep inside its call. */
    void checkActors() {
        for (Actor a : lab.actors()) {
            Actor.InFlight f = a.inFlight();
            if (f == null || f.blockedReported() || f.call().sleepsIn().isEmpty()) {
                continue;
            }
            ThreadState st = ThreadProbe.read(pid, a.tid());
            if (st != null && st.sleepingInSyscall() && f.call().sleepsIn().contains(st.syscallName())) {
                a.markBlocked(f.callId(), st.syscallName(), st.wchan());
            }
        }
    }
}
