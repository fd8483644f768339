package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.World;
import org.sockscope.trace.CallOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The server loops of {@link Model}, each call made by a thread of process {@link Model#PROCESS}. */
final class Servers {
    private Servers() {
    }

    static void iterative(World world, Calls calls, int listener, Workload load) throws LabException {
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        for (int k = 0; k < load.clients(); k++) {
            Exchange.serve(calls, main, accept(calls, main, listener), load);
        }
    }

    static void threadPerConnection(World world, Calls calls, int listener, Workload load) throws LabException {
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> handlers = new ArrayList<>();
            for (int k = 0; k < load.clients(); k++) {
                int conn = accept(calls, main, listener);
                calls.budget().beforeStart("the connection's thread", k, load.clients(), false);
                // The connection's own thread: a new thread of the server process, sharing its table.
                Performer handler = world.actor("handler" + k, Model.PROCESS);
                handlers.add(drivers.submit(() -> Exchange.serve(calls, handler, conn, load)));
            }
            Calls.awaitAll(handlers, "a connection's thread");
        }
    }

    /**
     * The process-per-connection server: the main thread accepts, spawns a process for the
     * connection (posix_spawn: the child inherits the table, the connection at the same number) and
     * closes its own copy; the child closes the listener it inherited and serves the connection.
     */
    static void processPerConnection(World world, Calls calls, int listener, Workload load) throws LabException {
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> handlers = new ArrayList<>();
            for (int k = 0; k < load.clients(); k++) {
                int conn = accept(calls, main, listener);
                String child = "handler" + k;
                calls.budget().beforeStart("the connection's process", k, load.clients(), true);
                CallOutcome spawned = calls.make(main, new Call.Spawn(child, false, null));
                if (spawned.failed()) {
                    throw new LabException("spawn(" + child + ") failed: " + spawned.display());
                }
                calls.budget().started((int) spawned.ret());
                calls.make(main, new Call.Close(conn)); // the parent's copy; the child's keeps the connection open
                Performer handler = world.actor(child, child);
                handlers.add(drivers.submit(() -> {
                    calls.make(handler, new Call.Close(listener));
                    Exchange.serve(calls, handler, conn, load);
                }));
            }
            Calls.awaitAll(handlers, "a connection's process");
        }
    }

    /** The work queue's workers: threads of the server process that take connections from the queue. */
    static final int WORKERS = 4;

    /**
     * The work queue (boss/worker): the boss thread accepts and puts each connection on a queue
     * in user-space memory; {@link #WORKERS} worker threads each take the next one and serve it
     * to the end.
     */
    static void workQueue(World world, Calls calls, int listener, Workload load) throws LabException {
        Performer boss = world.actor(Model.PROCESS, Model.PROCESS);
        java.util.concurrent.BlockingQueue<Integer> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        int workers = Math.min(WORKERS, load.clients());
        try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Performer worker = world.actor("worker" + w, Model.PROCESS);
                running.add(drivers.submit(() -> {
                    for (int conn; (conn = queue.take()) >= 0; ) {
                        Exchange.serve(calls, worker, conn, load);
                    }
                    return null;
                }));
            }
            for (int k = 0; k < load.clients(); k++) {
                queue.add(accept(calls, boss, listener));
            }
            for (int w = 0; w < workers; w++) {
                queue.add(-1); // no more connections: each worker ends after its last one
            }
            Calls.awaitAll(running, "a worker");
        }
    }

    /**
     * The slide's busy-polling loop ("Will this work?"): the listener and every connection
     * non-blocking, and one thread trying each over and over; -1/EAGAIN means "nothing yet, try
     * again" (counted in the server's errors, as the kernel gave them).
     */
    static void busyPolling(World world, Calls calls, int listener, Workload load) throws LabException {
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        calls.make(main, new Call.SetNonBlocking(listener, true));
        Map<Integer, Integer> got = new LinkedHashMap<>();
        int accepted = 0;
        int closed = 0;
        while (closed < load.clients()) {
            if (accepted < load.clients()) {
                CallOutcome a = calls.make(main, new Call.Accept(listener));
                if (!a.failed()) {
                    calls.opened();
                    int conn = (int) a.ret();
                    calls.make(main, new Call.SetNonBlocking(conn, true)); // not inherited from the listener on Linux
                    got.put(conn, 0);
                    accepted++;
                } else if (a.errno() != org.sockscope.posix.Errno.EAGAIN) {
                    throw new LabException("accept() failed: " + a.display());
                }
            }
            for (int fd : List.copyOf(got.keySet())) {
                if (receive(calls, main, fd, got, load, null)) {
                    closed++;
                }
            }
        }
    }

    /** The pool's event loops: threads of the server process, each waiting on its own connections. */
    static final int LOOPS = 4;

    /**
     * A pool of event loops: {@link #LOOPS} threads share the non-blocking listener; each waits
     * ({@code kind}: select(), poll() or epoll_wait()) on it and its own connections, with a 100 ms
     * timeout to notice that every connection has been taken, and the loop whose accept() wins a
     * connection serves it. With select() the kernel wakes every loop for one connection (the
     * others' accept() gets -1/EAGAIN); with epoll the listener is added with EPOLLEXCLUSIVE,
     * which wakes one.
     */
    static void poolOfLoops(World world, Calls calls, int listener, Workload load, Readiness.Kind kind) throws LabException {
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        calls.make(main, new Call.SetNonBlocking(listener, true));
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        int loops = Math.min(LOOPS, load.clients());
        try (ExecutorService drivers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int l = 0; l < loops; l++) {
                Performer loop = world.actor("loop" + l, Model.PROCESS);
                running.add(drivers.submit(() -> {
                    Readiness ready = Readiness.of(kind, calls, loop);
                    try {
                        Map<Integer, Integer> got = new LinkedHashMap<>();
                        ready.add(listener, true);
                        boolean listening = true;
                        while (accepted.get() < load.clients() || !got.isEmpty()) {
                            if (listening && accepted.get() >= load.clients()) {
                                ready.remove(listener);
                                listening = false;
                            }
                            for (int fd : ready.await(100)) {
                                if (fd != listener) {
                                    receive(calls, loop, fd, got, load, ready);
                                    continue;
                                }
                                CallOutcome a = calls.make(loop, new Call.Accept(listener));
                                if (!a.failed()) {
                                    calls.opened();
                                    accepted.incrementAndGet();
                                    got.put((int) a.ret(), 0);
                                    ready.add((int) a.ret(), false);
                                } else if (a.errno() != org.sockscope.posix.Errno.EAGAIN) {
                                    throw new LabException("accept() failed: " + a.display());
                                }
                            }
                        }
                    } finally {
                        ready.close();
                    }
                    return null;
                }));
            }
            Calls.awaitAll(running, "an event loop");
        }
    }

    /** The one-thread event loop of select(), poll() and epoll: {@code kind} is the call it waits in. */
    static void eventLoop(World world, Calls calls, int listener, Workload load, Readiness.Kind kind) throws LabException {
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        Map<Integer, Integer> got = new LinkedHashMap<>(); // conn → bytes of its current request so far
        Readiness ready = Readiness.of(kind, calls, main);
        try {
            ready.add(listener, false);
            int accepted = 0;
            int closed = 0;
            while (closed < load.clients()) {
                for (int fd : ready.await(-1)) {
                    if (fd == listener) {
                        int conn = accept(calls, main, listener);
                        got.put(conn, 0);
                        ready.add(conn, false);
                        if (++accepted == load.clients()) {
                            ready.remove(listener);
                        }
                        continue;
                    }
                    if (receive(calls, main, fd, got, load, ready)) {
                        closed++;
                    }
                }
            }
        } finally {
            ready.close();
        }
    }

    /**
     * One recv() on connection {@code fd}, whose request has {@code got.get(fd)} bytes so far: a
     * whole request is answered; the client's close (0) closes it and returns true. -1/EAGAIN
     * (only on a non-blocking socket: nothing yet) changes nothing.
     */
    private static boolean receive(Calls calls, Performer main, int fd, Map<Integer, Integer> got, Workload load,
                                   Readiness ready) throws LabException {
        int size = load.size();
        int have = got.get(fd);
        CallOutcome o = calls.make(main, new Call.Recv(fd, size - have, 0));
        if (o.failed() && o.errno() == org.sockscope.posix.Errno.EAGAIN) {
            return false;
        }
        if (o.failed()) {
            throw new LabException("recv() failed: " + o.display());
        }
        if (o.ret() == 0) {
            if (ready != null) {
                ready.closing(fd);
            }
            calls.make(main, new Call.Close(fd));
            calls.closed();
            got.remove(fd);
            return true;
        }
        if (have + o.ret() == size) {
            Exchange.answer(calls, main, fd, load);
            got.put(fd, 0);
        } else {
            got.put(fd, have + (int) o.ret());
        }
        return false;
    }

    private static int accept(Calls calls, Performer main, int listener) throws LabException {
        CallOutcome o = calls.make(main, new Call.Accept(listener));
        if (o.failed()) {
            throw new LabException("accept() failed: " + o.display());
        }
        calls.opened();
        return (int) o.ret();
    }
}
