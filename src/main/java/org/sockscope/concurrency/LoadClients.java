package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.World;
import org.sockscope.trace.CallOutcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The load process's clients, each a thread of process {@code load} making its calls through the
 * lab. A request's latency is stamped by its client's driver (CLOCK_MONOTONIC before the request's
 * first send() is submitted and after its last recv() returned), so it includes SockScope's
 * hand-off to the actor and back.
 */
final class LoadClients {
    /** The process the clients are threads of. */
    static final String PROCESS = "load";

    /** One exchange: which client, its index, and the stamps around it. */
    record Request(int client, int index, long startNanos, long endNanos) {
        long latencyNanos() {
            return endNanos - startNanos;
        }
    }

    /**
     * What the clients did: every exchange; when the other clients finished (CLOCK_MONOTONIC);
     * and when the slow clients' stall ended, and why.
     */
    record Done(List<Request> requests, long othersDoneNanos, long stallEndNanos, boolean stallTimedOut) {
    }

    private LoadClients() {
    }

    /**
     * Runs the workload against 127.0.0.1:{@code port}; returns when every client has closed its
     * socket. When {@code server} fails, no client waits for another any more (the world's reset
     * has woken their calls).
     */
    static Done run(World world, Calls calls, int port, Workload load, java.util.concurrent.CompletableFuture<Void> server)
            throws LabException {
        List<Performer> actors = new ArrayList<>();
        for (int i = 0; i < load.clients(); i++) {
            actors.add(world.actor("client" + i, PROCESS));
        }
        List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        int others = load.clients() - load.slowClients();
        CountDownLatch othersDone = new CountDownLatch(others);
        // The slow clients are first in the listener's queue: the others connect once they have stalled.
        CountDownLatch slowStalled = new CountDownLatch(load.slowClients());
        server.whenComplete((v, e) -> {
            if (e != null) {
                java.util.stream.Stream.of(othersDone, slowStalled).forEach(l -> {
                    while (l.getCount() > 0) {
                        l.countDown();
                    }
                });
            }
        });
        long[] othersDoneAt = {0};
        long[] stallEnd = {0};
        boolean[] timedOut = {false};
        try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < load.clients(); i++) {
                int client = i;
                boolean slow = i < load.slowClients();
                futures.add(drivers.submit(() -> {
                    Performer a = actors.get(client);
                    if (!slow && !slowStalled.await(Calls.CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(a.name() + ": the slow clients did not start");
                    }
                    int fd = (int) must(calls, a, new Call.Socket());
                    must(calls, a, new Call.Connect(fd, port));
                    for (int r = 0; r < load.requests(); r++) {
                        if (r > 0 && load.thinkMillis() > 0) {
                            calls.make(a, new Call.Pause(load.thinkMillis() * 1000L));
                        }
                        long t0 = System.nanoTime();
                        if (slow && r == 0) {
                            Exchange.sendAll(calls, a, fd, load.size() / 2);
                            slowStalled.countDown();
                            boolean ended = othersDone.await(load.stallMillis(), TimeUnit.MILLISECONDS);
                            synchronized (stallEnd) {
                                stallEnd[0] = Math.max(stallEnd[0], System.nanoTime());
                                timedOut[0] |= !ended;
                            }
                            Exchange.sendAll(calls, a, fd, load.size() - load.size() / 2);
                        } else {
                            Exchange.sendAll(calls, a, fd, load.size());
                        }
                        if (!Exchange.receiveAll(calls, a, fd, load.size())) {
                            throw new IllegalStateException(a.name() + ": the server closed the connection");
                        }
                        requests.add(new Request(client, r, t0, System.nanoTime()));
                    }
                    must(calls, a, new Call.Close(fd));
                    if (!slow) {
                        synchronized (othersDoneAt) {
                            othersDoneAt[0] = Math.max(othersDoneAt[0], System.nanoTime());
                        }
                        othersDone.countDown();
                    }
                    return null;
                }));
            }
            try {
                Calls.awaitAll(futures, "a client");
            } catch (LabException e) {
                if (!server.isCompletedExceptionally()) {
                    throw e;
                }
                // The server stopped and the world's reset woke every client: what they did so far is the result.
                for (Future<?> f : futures) {
                    try {
                        f.get(Calls.CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                        // that client's failure is the server's stop, reported by the run
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
        return new Done(List.copyOf(requests), othersDoneAt[0], stallEnd[0], timedOut[0]);
    }

    private static long must(Calls calls, Performer a, Call call) {
        CallOutcome o = calls.make(a, call);
        if (o.failed()) {
            throw new IllegalStateException(a.name() + ": " + call.spec().text() + " failed: " + o.display());
        }
        return o.ret();
    }
}
