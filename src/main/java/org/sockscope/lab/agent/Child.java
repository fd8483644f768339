package org.sockscope.lab.agent;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.DescriptorTable;
import org.sockscope.kernel.OwnFiles;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.Processes;
import org.sockscope.posix.SysResult;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The app's side of a process actor: a child JVM running {@link Agent}, started with
 * {@code posix_spawn} from one long-lived thread (the kernel's death signal follows the thread that
 * spawned the child). Calls go to it as commands; its events come back into {@link #trace()}, on
 * the app's clock, in the order the child recorded them.
 */
public final class Child implements AutoCloseable {
    /** Every posix_spawn runs on this thread, which lives as long as the app. */
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r ->
            Thread.ofPlatform().name("process-spawner").daemon(true).unstarted(r));

    private final String process;
    private final int pid;
    private final Channel channel;
    private final Trace trace;
    private final Thread reader;
    private final CompletableFuture<Message.Hello> hello = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<CallOutcome>> pending = new ConcurrentHashMap<>();
    /** Outcomes returned whose after-call reading has not arrived yet. */
    private final Map<Long, CallOutcome> returned = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<Message.Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> tids = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closing;
    /** The process actor that spawned this one (and reaps it), or null when the app did. */
    private final Child parent;
    /** Completed with the wait status when the parent reports it reaped this process. */
    private final CompletableFuture<Integer> reaped = new CompletableFuture<>();
    /** The processes this one spawned, by pid; and the statuses of those reaped before they were known here. */
    private final Map<Integer, Child> spawned = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> reapedUnknown = new ConcurrentHashMap<>();

    private Child(String process, int pid, Channel channel, Trace trace, Child parent) {
        this.process = process;
        this.pid = pid;
        this.channel = channel;
        this.trace = trace;
        this.parent = parent;
        this.reader = Thread.ofPlatform().name("child-" + process).daemon(true).unstarted(this::read);
        reader.start();
    }

    /** A descriptor of this process that the child inherits, at the next free number from 3 on, under {@code label}. */
    public record Inherited(int fd, String label) {
    }

    /**
     * Starts process {@code process} holding {@code inherited} at numbers 3, 4, … (in that order),
     * as a shell hands a program the ends of its pipes; its own files take the numbers after them.
     * Waits (up to 10 s) for its agent to say hello. Its events are appended to {@code trace}, whose
     * clock the child shares.
     */
    public static Child spawn(String process, int hz, Trace trace, List<Inherited> inherited) throws LabException {
        Child c;
        try {
            c = SPAWNER.submit(() -> start(process, hz, trace, inherited)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while starting process " + process);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof LabException le ? le : new LabException("could not start process " + process
                    + ": " + e.getCause());
        }
        return c.greeted();
    }

    /**
     * Process {@code process}, which process actor {@code parent} spawned and which has reported on
     * {@code channel}; returns once its agent has said hello (up to 10 s).
     */
    static Child joined(String process, ControlListener.Joined joined, Trace trace, Child parent) throws LabException {
        Child c = new Child(process, joined.pid(), joined.channel(), trace, parent);
        parent.spawned.put(c.pid, c);
        Integer early = parent.reapedUnknown.remove(c.pid);
        if (early != null) {
            c.reaped.complete(early);
        }
        return c.greeted();
    }

    private Child greeted() throws LabException {
        try {
            hello.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new LabException("process " + process + " (pid " + pid + ") did not start its agent within 10 s"
                    + (exit.isDone() ? ": " + exitText(exit.join()) : ""));
        }
        return this;
    }

    private static Child start(String process, int hz, Trace trace, List<Inherited> inherited) throws LabException {
        Processes.Pair pair = Processes.socketPair();
        if (pair.failed()) {
            throw new LabException("socketpair() failed: " + Errno.name(pair.errno()));
        }
        // The lesson's descriptors take 3, 4, … in the child; the control channel the next number.
        Map<Integer, Integer> moves = new java.util.LinkedHashMap<>();
        Map<Integer, String> labels = new java.util.LinkedHashMap<>();
        for (Inherited i : inherited) {
            labels.put(3 + moves.size(), i.label());
            moves.put(i.fd(), 3 + moves.size());
        }
        int control = 3 + moves.size();
        moves.put(pair.second(), control);
        List<String> argv = AgentLaunch.argv("fd:" + control, Libc.getpid(), trace.startNanos(), hz, process, labels, Map.of());
        SysResult spawned;
        // The child inherits every descriptor without FD_CLOEXEC. This JVM opens its files without
        // it, so each is marked first (while SockScope opens none of its own): the child gets stdin,
        // stdout and stderr, as any program does, and what the file actions place: the lesson's
        // descriptors and its end of the control channel (dup2 clears FD_CLOEXEC on the copy).
        try (OwnFiles.Exclusive _ = OwnFiles.exclusive()) {
            int highest = AgentLaunch.closeOnExecExcept(java.util.Set.of()).stream().mapToInt(Descriptor::fd).max().orElse(2);
            spawned = Processes.spawn(AgentLaunch.java(), argv, moves, highest);
        }
        Libc.close(pair.second());
        if (spawned.failed()) {
            Libc.close(pair.first());
            throw new LabException("posix_spawn(" + AgentLaunch.java() + ") failed: " + Errno.name(spawned.errno()));
        }
        return new Child(process, (int) spawned.value(), new Channel(pair.first()), trace, null);
    }

    /** The process's name in the lesson ({@code P1}). */
    public String process() {
        return process;
    }

    /** The child's pid. */
    public int pid() {
        return pid;
    }

    /** The events the child recorded, on the shared clock. */
    public Trace trace() {
        return trace;
    }

    /** The child's descriptor table when its agent started, before the lesson's first call. */
    public List<Descriptor> startTable() {
        return hello.join().table();
    }

    /** Starts thread {@code actor} in the process. */
    public void newActor(String actor) throws LabException {
        send(new Command.NewActor(actor));
    }

    /** Makes {@code call} on thread {@code actor}; the future completes with the kernel's answer once the process has probed its buffers after it. */
    public Actor.Submission submit(String actor, Call call) throws LabException {
        long id = Actor.nextCallId();
        CompletableFuture<CallOutcome> f = new CompletableFuture<>();
        pending.put(id, f);
        if (exit.isDone()) {
            pending.remove(id);
            f.completeExceptionally(new IllegalStateException("process " + process + " has exited: " + exitText(exit.join())));
            return new Actor.Submission(id, f);
        }
        send(new Command.Submit(actor, id, call));
        return new Actor.Submission(id, f);
    }

    /** Wakes {@code actor}'s call as the lab's cancel does (inside the child); false when none was in flight. */
    public boolean cancel(String actor) throws LabException {
        return request(r -> new Command.Cancel(r, actor), "cancel " + actor).fd() == 1;
    }

    /** A listening socket of the process on 127.0.0.1; its number and port. */
    public Message.Answer listen(SocketOptions options, int backlog) throws LabException {
        return request(r -> new Command.Listen(r, options, backlog), "listen()");
    }

    /** A socket of the process connected to 127.0.0.1:{@code port}; its number and local port. */
    public Message.Answer connectTo(int port, SocketOptions options) throws LabException {
        return request(r -> new Command.ConnectTo(r, port, options), "connect(127.0.0.1:" + port + ")");
    }

    /** Accepts one connection on the process's {@code listener} and closes the listener; the new number. */
    public Message.Answer acceptOn(int listener, SocketOptions options) throws LabException {
        return request(r -> new Command.AcceptOn(r, listener, options), "accept(" + listener + ")");
    }

    /** Has the agent read its sockets and pipes now; returns once that reading is in the trace. */
    public void sampleNow() {
        try {
            request(Command.SampleNow::new, "a kernel reading");
        } catch (LabException e) {
            // gone, or not answering: no reading, and the screen keeps the last one with its time
        }
    }

    /** Turns the agent's kernel readings on or off; returns {@code {samples so far, mean µs per sample}}, or null when it did not answer. */
    public int[] observe(boolean on) {
        try {
            Message.Answer a = request(r -> new Command.Observe(r, on), "observation " + (on ? "on" : "off"));
            return new int[] {a.fd(), a.port()};
        } catch (LabException e) {
            return null;
        }
    }

    /** The kernel's id of thread {@code actor} of this process, -1 until it has started. */
    public int tid(String actor) {
        return tids.getOrDefault(actor, -1);
    }

    private Message.Answer request(java.util.function.LongFunction<Command> command, String what) throws LabException {
        long id = REQUESTS.incrementAndGet();
        CompletableFuture<Message.Answer> f = new CompletableFuture<>();
        answers.put(id, f);
        try {
            send(command.apply(id));
            Message.Answer a = f.get(5, TimeUnit.SECONDS);
            if (a.error() != null) {
                throw new LabException(process + ": " + a.error());
            }
            return a;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new LabException("process " + process + " (pid " + pid + ") did not answer " + what + " within 5 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new LabException("process " + process + " (pid " + pid + "): " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while waiting for " + what);
        } finally {
            answers.remove(id);
        }
    }

    /** Completes with the child's wait status once it has ended and been reaped. */
    public CompletableFuture<Integer> exited() {
        return exit;
    }

    /**
     * Ends the child: asks it to exit, closes the control channel (EOF ends it too), and reaps it;
     * after 1 s it is killed. Nothing is left running, and no zombie.
     */
    @Override
    public void close() {
        closing = true;
        try {
            send(new Command.Exit());
        } catch (LabException e) {
            // already gone: reaped below
        }
        try {
            exit.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            Processes.kill(pid, Processes.SIGKILL);
            try {
                exit.get(1, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the reader reaps it once it dies
            }
        }
    }

    private void send(Command c) throws LabException {
        try {
            channel.send(c);
        } catch (IOException e) {
            throw new LabException("process " + process + " (pid " + pid + ") is gone: " + e.getMessage());
        }
    }

    private void read() {
        try {
            for (Message m; (m = channel.receive(Message.class)) != null; ) {
                switch (m) {
                    case Message.Hello h -> {
                        trace.append(new Event.ProcessChanged(0, trace.now(), process, h.pid(), "", h.table()));
                        hello.complete(h);
                    }
                    case Message.Answer a -> {
                        CompletableFuture<Message.Answer> f = answers.get(a.request());
                        if (f != null) {
                            f.complete(a);
                        }
                    }
                    case Message.Happened h -> happened(h.event());
                    case Message.Settled st -> {
                        CompletableFuture<CallOutcome> f = pending.remove(st.callId());
                        CallOutcome o = returned.remove(st.callId());
                        if (f != null && o != null) {
                            f.complete(o);
                        }
                    }
                    case Message.NotMade n -> {
                        CompletableFuture<CallOutcome> f = pending.remove(n.callId());
                        if (f != null) {
                            f.completeExceptionally(new IllegalStateException(n.why()));
                        }
                    }
                    case Message.Reaped r -> {
                        Child c = spawned.remove(r.pid());
                        if (c != null) {
                            c.reaped.complete(r.status());
                        } else {
                            reapedUnknown.put(r.pid(), r.status());
                        }
                    }
                    case Message.Joined j -> {
                        // only ever the first message on the app's control listener
                    }
                    case Message.Gap g -> trace.append(new Event.Note(0, trace.now(), "process " + process + ": "
                            + g.dropped() + " events were dropped before they could be sent"));
                }
            }
        } catch (IOException | RuntimeException e) {
            trace.append(new Event.Note(0, trace.now(), "process " + process + ": control channel failed: " + e));
        }
        Libc.close(channel.fd());
        int status = reap();
        String ended = status >= 0 ? exitText(status) : "ended; its parent (pid " + parent.pid + ") ended before it"
                + " could report how";
        trace.append(new Event.ProcessChanged(0, trace.now(), process, pid, ended, List.of()));
        if (!closing) {
            trace.append(new Event.Note(0, trace.now(), "process " + process + " (pid " + pid + ") " + ended));
        }
        answers.values().forEach(f -> f.completeExceptionally(new IllegalStateException("process " + process + " " + ended)));
        for (CompletableFuture<CallOutcome> f : pending.values()) {
            f.completeExceptionally(new IllegalStateException("process " + process + " " + ended));
        }
        hello.completeExceptionally(new IllegalStateException("process " + process + " " + ended));
        // Its own children lose their reaper: each reports that it ended without a status.
        spawned.values().forEach(c -> c.reaped.complete(-1));
        exit.complete(status);
    }

    /**
     * The wait status once the process has ended: reaped here when the app spawned it, else as its
     * parent reaped and reported it (-1 when the parent ended first and could not).
     */
    private int reap() {
        if (parent == null) {
            return (int) Processes.waitpid(pid, true).value();
        }
        try {
            return reaped.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The process actor that spawned this one, if one did (the app spawned the others). */
    public java.util.Optional<Child> parent() {
        return java.util.Optional.ofNullable(parent);
    }

    private void happened(Event e) {
        if (e instanceof Event.ActorChanged a && a.alive()) {
            tids.put(a.actor(), a.tid());
        }
        trace.append(e);
        if (e instanceof Event.CallReturned r && pending.containsKey(r.callId())) {
            returned.put(r.callId(), r.outcome()); // completed once settled: see Message.Settled
        }
    }

    /** {@code exited (status 0)} or {@code was killed (signal 9)}. */
    static String exitText(int status) {
        int signal = Processes.termSignal(status);
        return signal != 0 ? "was killed (signal " + signal + ")" : "exited (status " + Processes.exitCode(status) + ")";
    }
}
