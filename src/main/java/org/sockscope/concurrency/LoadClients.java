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
    record Done(List<Request> requests, long othersDoneNanos, long stallEndNanos, boolean stallTimedOut, String problem) {
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
        return run(world, calls, port, load, server, 0, () -> { });
    }

    /**
     * Like {@link #run(World, Calls, int, Workload, java.util.concurrent.CompletableFuture)}; with
     * {@code loops} above 0 the clients that are not slow are driven by that many threads of the
     * load process, each one {@code client_loop} call over its share (an epoll loop inside the
     * call: its stamps are taken there, with no hand-off in them); the slow ones keep a thread each.
     * The first client that fails is the result's problem; {@code onProblem} runs then (to wake
     * the server, which would wait for it).
     */
    static Done run(World world, Calls calls, int port, Workload load, java.util.concurrent.CompletableFuture<Void> server,
                    int loops, Runnable onProblem) throws LabException {
        List<Performer> actors = new ArrayList<>();
        for (int i = 0; i < (loops > 0 ? load.slowClients() : load.clients()); i++) {
            actors.add(world.actor("client" + i, PROCESS));
        }
        // The listener's backlog as the kernel caps it (net.core.somaxconn, 4096 here): the loops keep
        // at most half of it in handshakes at once.
        int backlog = Math.min(Model.backlog(load), 4096);
        List<Performer> loopActors = new ArrayList<>();
        for (int l = 0; l < loops; l++) {
            loopActors.add(world.actor("load-loop" + l, PROCESS)); // not "loop": the pool servers' threads are called that
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
        String[] problem = {""};
        long[] othersDoneAt = {0};
        long[] stallEnd = {0};
        boolean[] timedOut = {false};
        try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            int others0 = load.slowClients();
            for (int l = 0; l < loops; l++) {
                // client indices others0.. split into near-equal shares, one per loop
                int from = others0 + (int) ((long) others * l / loops);
                int to = others0 + (int) ((long) others * (l + 1) / loops);
                Performer loop = loopActors.get(l);
                futures.add(drivers.submit(() -> {
                    if (!slowStalled.await(Calls.CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(loop.name() + ": the slow clients did not start");
                    }
                    if (to > from) {
                        Calls.Made m = calls.makeWithData(loop, new Call.ClientLoop(port, from, to - from, load.requests(), load.size(),
                                load.thinkMillis(), Math.max(1, backlog / 2 / loops), (int) (Calls.RUN_TIMEOUT_SECONDS - 30) * 1000), Calls.RUN_TIMEOUT_SECONDS);
                        requests.addAll(stamps(m.data()));
                        int failedAt = m.data().indexOf("| failed: ");
                        if (failedAt >= 0 || m.outcome().stop() != org.sockscope.trace.CallOutcome.Stop.RETURNED) {
                            throw new IllegalStateException(loop.name() + ": " + (failedAt >= 0 ? m.data().substring(failedAt + 2)
                                    : "stopped: " + m.outcome().stop()));
                        }
                    }
                    synchronized (othersDoneAt) {
                        othersDoneAt[0] = Math.max(othersDoneAt[0], System.nanoTime());
                    }
                    for (int k = from; k < to; k++) {
                        othersDone.countDown();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < (loops > 0 ? load.slowClients() : load.clients()); i++) {
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
            // A client that fails stops the load: the run says why, beside what was done so far
            // (when the server stopped first, the world's reset woke every client).
            for (Future<?> f : futures) {
                try {
                    f.get(Calls.RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (problem[0].isEmpty()) {
                        problem[0] = e.getCause().getMessage();
                        onProblem.run();
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new LabException("a client did not finish within " + Calls.RUN_TIMEOUT_SECONDS + " s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabException("the clients: interrupted");
                }
            }
        }
        return new Done(List.copyOf(requests), othersDoneAt[0], stallEnd[0], timedOut[0], problem[0]);
    }

    /** The exchanges a client loop stamped: {@code client:request:start:end} each, space-separated. */
    static List<Request> stamps(String data) {
        List<Request> out = new ArrayList<>();
        int bar = data.indexOf('|');
        for (String one : (bar < 0 ? data : data.substring(0, bar)).strip().split(" ")) {
            if (!one.isEmpty()) {
                String[] f = one.split(":");
                out.add(new Request(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        }
        return out;
    }

    private static long must(Calls calls, Performer a, Call call) {
        CallOutcome o = calls.make(a, call);
        if (o.failed()) {
            throw new IllegalStateException(a.name() + ": " + call.spec().text() + " failed: " + o.display());
        }
        return o.ret();
    }
}
