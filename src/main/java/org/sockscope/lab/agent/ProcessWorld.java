package org.sockscope.lab.agent;

import org.sockscope.kernel.Descriptor;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.SocketOptions;
import org.sockscope.lab.World;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;
import org.sockscope.trace.Slot;
import org.sockscope.trace.Trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lesson's processes as real child processes, each with its own descriptor table: every call
 * is made and measured inside the process that makes it, and every child's events arrive in the
 * one trace, on the shared clock. A connection is made as two processes make one (the server
 * listens and accepts, the client connects); a pipe between two processes is made here and handed
 * to each as a shell does, by inheritance at spawn.
 */
public final class ProcessWorld implements World {
    private final int hz;
    private final Trace trace;
    private final Map<String, Child> children = new LinkedHashMap<>();
    private final Map<String, RemoteActor> actors = new HashMap<>();
    /** Pipe ends made here that a process not yet started will inherit, by process. */
    private final Map<String, List<Child.Inherited>> toInherit = new HashMap<>();
    /** What each process's descriptors refer to, as its agent described them on opening. */
    private final Map<Slot, Descriptor> described = new ConcurrentHashMap<>();
    /** Processes a spawn() call has started, until their agent has reported (see {@link #spawnProcess}). */
    private final Map<String, CompletableFuture<Child>> spawning = new ConcurrentHashMap<>();
    /** Where spawned processes report; opened with the first spawn. */
    private ControlListener control;

    /** A world whose processes sample the kernel {@link Lab#DEFAULT_HZ} times a second. */
    public ProcessWorld() {
        this(Lab.DEFAULT_HZ);
    }

    /** A world whose processes sample the kernel {@code hz} times a second. */
    public ProcessWorld(int hz) {
        this(hz, new Trace());
    }

    /** A world recording into {@code trace} (whose clock its processes share). */
    public ProcessWorld(int hz, Trace trace) {
        LinuxAbi.requireSupported();
        this.hz = hz;
        this.trace = trace;
        trace.addListener(e -> {
            if (e instanceof Event.DescriptorOpened o) {
                described.put(new Slot(o.process(), o.descriptor().fd()), o.descriptor());
            } else if (e instanceof Event.DescriptorClosed c) {
                described.remove(new Slot(c.process(), c.fd()));
            }
        });
    }

    /** A thread of one of the world's processes. */
    private record RemoteActor(String name, String process, Child child, ProcessWorld world) implements Performer {
        @Override
        public int pid() {
            return child.pid();
        }

        @Override
        public int tid() {
            return child.tid(name);
        }

        @Override
        public Actor.Submission submitTracked(Call call) {
            try {
                return call instanceof Call.Spawn s && !s.thread() ? world.spawnProcess(this, s) : child.submit(name, call);
            } catch (LabException e) {
                return new Actor.Submission(-1, CompletableFuture.<CallOutcome>failedFuture(new IllegalStateException(e.getMessage())));
            }
        }
    }

    /**
     * Has {@code parent} spawn process {@code s.name()}: the call is made in the parent's process
     * (posix_spawn there, so the child inherits that process's descriptors), and the new process
     * reports to this app on the control listener. The call's result, the pid, is delivered once
     * the new process's agent has said hello (or the wait for it ran out, which the trace notes),
     * so the step that spawned it shows it.
     */
    private Actor.Submission spawnProcess(RemoteActor parent, Call.Spawn s) throws LabException {
        CompletableFuture<ControlListener.Joined> joined = new CompletableFuture<>();
        String where;
        synchronized (this) {
            if (control == null) {
                control = ControlListener.open();
            }
            where = control.expect(joined);
        }
        CompletableFuture<Child> child = new CompletableFuture<>();
        spawning.put(s.name(), child);
        Actor.Submission sub = parent.child().submit(parent.name(), new Call.Spawn(s.name(), false, where));
        CompletableFuture<CallOutcome> result = sub.result().handle((o, e) -> {
            if (e != null || o.failed()) {
                joined.cancel(false);
                child.completeExceptionally(new LabException("spawn(" + s.name() + ") " + (e != null ? "was not made: "
                        + e.getMessage() : "failed: " + o.display())));
                return e != null ? CompletableFuture.<CallOutcome>failedFuture(e) : CompletableFuture.completedFuture(o);
            }
            return joined.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).handle((j, je) -> {
                try {
                    if (je != null) {
                        throw new LabException("process " + s.name() + " (pid " + o.ret() + ") did not report within 10 s");
                    }
                    Child c = Child.joined(s.name(), j, trace, parent.child());
                    started(s.name(), c);
                    child.complete(c);
                } catch (LabException le) {
                    trace.append(new Event.Note(0, trace.now(), le.getMessage()));
                    child.completeExceptionally(le);
                }
                return o;
            });
        }).thenCompose(f -> f);
        return new Actor.Submission(sub.callId(), result);
    }

    @Override
    public Trace trace() {
        return trace;
    }

    @Override
    public long samplerPeriodNanos() {
        return 1_000_000_000L / hz;
    }

    @Override
    public java.util.Map<String, int[]> observe(boolean on) {
        java.util.Map<String, int[]> out = new java.util.TreeMap<>();
        for (Child c : children()) {
            int[] cost = c.observe(on);
            if (cost != null) {
                out.put(c.process(), cost);
            }
        }
        return out;
    }

    @Override
    public void sampleNow() {
        children().forEach(Child::sampleNow);
    }

    /** Starts the processes not started yet side by side: each JVM takes a few hundred milliseconds. */
    @Override
    public void start(Collection<String> processes) throws LabException {
        Map<String, CompletableFuture<Child>> starting = new LinkedHashMap<>();
        synchronized (this) {
            for (String p : processes) {
                if (!children.containsKey(p) && !starting.containsKey(p)) {
                    List<Child.Inherited> given = toInherit.getOrDefault(p, List.of());
                    starting.put(p, CompletableFuture.supplyAsync(() -> {
                        try {
                            return Child.spawn(p, hz, trace, given);
                        } catch (LabException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    }, r -> Thread.ofPlatform().name("start-" + p).daemon(true).start(r)));
                }
            }
        }
        LabException failed = null;
        for (var s : starting.entrySet()) {
            try {
                started(s.getKey(), s.getValue().join());
            } catch (java.util.concurrent.CompletionException e) {
                failed = e.getCause() instanceof LabException le ? le : new LabException(String.valueOf(e.getCause()));
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private synchronized void started(String process, Child c) {
        children.put(process, c);
        // The child holds its copies now; this process's copies are not the lesson's.
        for (Child.Inherited i : toInherit.getOrDefault(process, List.of())) {
            Libc.close(i.fd());
        }
        toInherit.remove(process);
    }

    private Child child(String process) throws LabException {
        synchronized (this) {
            Child c = children.get(process);
            if (c != null) {
                return c;
            }
        }
        CompletableFuture<Child> spawned = spawning.get(process);
        if (spawned != null) {
            try {
                return spawned.get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for process " + process);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new LabException("process " + process + " was spawned but has not started: "
                        + (e.getCause() == null ? "no report within 15 s" : e.getCause().getMessage()));
            }
        }
        start(List.of(process));
        synchronized (this) {
            return children.get(process);
        }
    }

    @Override
    public Performer actor(String name, String process) throws LabException {
        Child c = child(process);
        synchronized (this) {
            RemoteActor a = actors.get(name);
            if (a == null) {
                if (!name.equals(process)) {
                    c.newActor(name);
                }
                a = new RemoteActor(name, process, c, this);
                actors.put(name, a);
            }
            return a;
        }
    }

    @Override
    public Lab.Connection connect(String clientProcess, String serverProcess, SocketOptions client, SocketOptions server)
            throws LabException {
        Child s = child(serverProcess);
        Child c = child(clientProcess);
        Message.Answer listener = s.listen(server, 1);
        Message.Answer connected = c.connectTo(listener.port(), client);
        Message.Answer accepted = s.acceptOn(listener.fd(), server);
        trace.append(new Event.Note(0, trace.now(), "connected " + clientProcess + " (pid " + c.pid() + ") fd "
                + connected.fd() + " (127.0.0.1:" + connected.port() + ") to " + serverProcess + " (pid " + s.pid()
                + ") fd " + accepted.fd() + " (127.0.0.1:" + listener.port() + ")"));
        sampleNow();
        return new Lab.Connection(connected.fd(), accepted.fd(), listener.port());
    }

    /**
     * A pipe from {@code writerProcess} to {@code readerProcess}, made here and inherited by each at
     * its start, as a shell makes {@code P1 | P2}: so both must not have started yet.
     */
    @Override
    public synchronized Lab.PipeEnds pipe(String writerProcess, String readerProcess) throws LabException {
        for (String p : List.of(writerProcess, readerProcess)) {
            if (children.containsKey(p)) {
                throw new LabException("process " + p + " has already started: a pipe reaches a process only by"
                        + " inheritance, so it must be made before the process starts");
            }
        }
        Libc.PipeFds p = Libc.pipe();
        if (p.failed()) {
            throw new LabException("pipe() failed: " + Errno.name(p.errno()) + " (" + Errno.message(p.errno()) + ")");
        }
        int writeAt = give(writerProcess, new Child.Inherited(p.writeFd(), "pipe write end"));
        int readAt = give(readerProcess, new Child.Inherited(p.readFd(), "pipe read end"));
        return new Lab.PipeEnds(readAt, writeAt);
    }

    /** Queues {@code i} for {@code process} to inherit; the number it will have there. */
    private int give(String process, Child.Inherited i) {
        List<Child.Inherited> list = toInherit.computeIfAbsent(process, k -> new ArrayList<>());
        list.add(i);
        return 2 + list.size();
    }

    @Override
    public int listen(String process, SocketOptions options, int backlog) throws LabException {
        return child(process).listen(options, backlog).fd();
    }

    @Override
    public boolean cancel(Performer actor) throws LabException {
        return actor instanceof RemoteActor a && a.child().cancel(a.name());
    }

    @Override
    public Descriptor described(String process, int fd) {
        return described.get(new Slot(process, fd));
    }

    /** The child process running {@code process}, if it has started. */
    public synchronized java.util.Optional<Child> process(String process) {
        return java.util.Optional.ofNullable(children.get(process));
    }

    private synchronized List<Child> children() {
        return List.copyOf(children.values());
    }

    /**
     * Ends every process (each exits, or is killed after a second, and is reaped: no zombie), side by
     * side, the processes that others spawned before their parents (which reap them), so the whole
     * takes about a second at most; pipe ends no process took are closed.
     */
    @Override
    public void reset() {
        List<Child> all;
        synchronized (this) {
            all = List.copyOf(children.values());
            children.clear();
            actors.clear();
            spawning.clear();
            toInherit.values().forEach(l -> l.forEach(i -> Libc.close(i.fd())));
            toInherit.clear();
        }
        java.util.TreeMap<Integer, List<Child>> byDepth = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (Child c : all) {
            byDepth.computeIfAbsent(depth(c), k -> new ArrayList<>()).add(c);
        }
        for (List<Child> round : byDepth.values()) {
            List<Thread> closers = new ArrayList<>();
            for (Child c : round) {
                closers.add(Thread.ofPlatform().name("close-" + c.process()).daemon(true).start(c::close));
            }
            for (Thread t : closers) {
                try {
                    t.join(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int depth(Child c) {
        int d = 0;
        for (var p = c.parent(); p.isPresent(); p = p.get().parent()) {
            d++;
        }
        return d;
    }

    @Override
    public void close() {
        reset();
        synchronized (this) {
            if (control != null) {
                control.close();
                control = null;
            }
        }
    }
}
