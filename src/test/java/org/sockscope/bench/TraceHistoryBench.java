package org.sockscope.bench;

import org.junit.jupiter.api.Test;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.trace.Trace;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Not a test (surefire runs *Test classes; this one only when named): a live run's whole history.
 * Two actors stream 10-byte send()/recv() pairs over 127.0.0.1 with the sampler at 60 Hz until the
 * trace holds {@code -Dhistory.events} events (default 1,000,000); then the heap the trace keeps
 * (heap used after a full GC, less the same reading before the run) and the time to rebuild the
 * world at 2,000 random events (what stepping to an event costs), min/median/p99/max.
 * {@code -Dhistory.capacity=N} gives the trace a capacity other than a live trace's default.
 * {@code ./mvnw -q -o test -Dtest=TraceHistoryBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TraceHistoryBench {
    private static final int EVENTS = Integer.getInteger("history.events", 1_000_000);

    private static long heapUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void measure() throws Exception {
        long before = heapUsed();
        int capacity = Integer.getInteger("history.capacity", 0); // 0: a live trace's default
        Trace t = capacity > 0 ? new Trace(capacity) : new Trace();
        long streamed;
        long start = System.nanoTime();
        try (Lab lab = new Lab(Lab.DEFAULT_HZ, t)) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
            Actor p1 = lab.actor("P1");
            Actor p2 = lab.actor("P2");
            long pairs = 0;
            while (t.size() < EVENTS) {
                var s = p1.submit(new Call.Send(c.clientFd(), 10, 0));
                var r = p2.submit(new Call.Recv(c.serverFd(), 10, 0));
                s.get(5, TimeUnit.SECONDS);
                r.get(5, TimeUnit.SECONDS);
                pairs++;
            }
            streamed = pairs;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (capacity == 0 || capacity >= t.size()) {
            org.junit.jupiter.api.Assertions.assertEquals(0, t.firstIndex(), "a trace of this capacity keeps every event of the run");
        }
        long kept = heapUsed() - before;
        int size = t.size();
        Random rnd = new Random(1);
        long[] ns = new long[2000];
        for (int i = 0; i < ns.length; i++) {
            long index = rnd.nextLong(size);
            long a = System.nanoTime();
            t.snapshotAt(index);
            ns[i] = System.nanoTime() - a;
        }
        Arrays.sort(ns);
        System.out.printf("%,d events (%,d send/recv pairs in %.1f s), oldest kept %d; trace heap %.1f MB (%.0f B/event);"
                        + " snapshotAt(random) min %.3f median %.3f p99 %.3f max %.3f ms%n",
                size, streamed, seconds, t.firstIndex(), kept / 1e6, (double) kept / size,
                ns[0] / 1e6, ns[ns.length / 2] / 1e6, ns[ns.length * 99 / 100] / 1e6, ns[ns.length - 1] / 1e6);
        System.out.println("(" + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s in all)");
    }
}
