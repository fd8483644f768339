package org.sockscope.lab.agent;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.DescriptorTable;
import org.sockscope.kernel.OwnFiles;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
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
    /** JVM flags for a small, quick agent (measured in docs/benchmarks.md). */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m",
            "-XX:-UsePerfData", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED");

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
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile boolean closing;

    private Child(String process, int pid, int controlFd, Trace trace) {
        this.process = process;
        this.pid = pid;
        this.channel = new Channel(controlFd);
        this.trace = trace;
        this.reader = Thread.ofPlatform().name("child-" + process).daemon(true).unstarted(this::read);
        reader.start();
    }

    /**
     * Starts process {@code process} and waits (up to 10 s) for its agent to say hello. Its events
     * are appended to {@code trace}, whose clock the child shares.
     */
    public static Child spawn(String process, int hz, Trace trace) throws LabException {
        Child c;
        try {
            c = SPAWNER.submit(() -> start(process, hz, trace)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while starting process " + process);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof LabException le ? le : new LabException("could not start process " + process
                    + ": " + e.getCause());
        }
        try {
            c.hello.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            c.close();
            throw new LabException("process " + process + " (pid " + c.pid + ") did not start its agent within 10 s"
                    + (c.exit.isDone() ? ": " + exitText(c.exit.join()) : ""));
        }
        return c;
    }

    private static Child start(String process, int hz, Trace trace) throws LabException {
        Processes.Pair pair = Processes.socketPair();
        if (pair.failed()) {
            throw new LabException("socketpair() failed: " + Errno.name(pair.errno()));
        }
        // The runtime's own java, not this process's command: in the packaged app that is the jpackage
        // launcher, which would take the JVM flags and Agent for the app's arguments.
        String java = System.getProperty("java.home") + "/bin/java";
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(JVM_FLAGS);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Agent.class.getName(),
                Integer.toString(pair.second()), Integer.toString(Libc.getpid()), Long.toString(trace.startNanos()),
                Integer.toString(hz), process));
        SysResult spawned;
        // The child inherits every descriptor without FD_CLOEXEC. This JVM opens its files without
        // it, so each is marked first (while SockScope opens none of its own): the child gets stdin,
        // stdout and stderr, as any program does, and its end of the control channel.
        try (OwnFiles.Exclusive x = OwnFiles.exclusive()) {
            for (Descriptor d : DescriptorTable.self()) {
                if (d.fd() > 2) {
                    Libc.fcntl(d.fd(), LinuxAbi.F_SETFD, LinuxAbi.FD_CLOEXEC);
                }
            }
            Libc.fcntl(pair.second(), LinuxAbi.F_SETFD, 0);
            spawned = Processes.spawn(java, argv);
        }
        Libc.close(pair.second());
        if (spawned.failed()) {
            Libc.close(pair.first());
            throw new LabException("posix_spawn(" + java + ") failed: " + Errno.name(spawned.errno()));
        }
        return new Child(process, (int) spawned.value(), pair.first(), trace);
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

    /** Makes {@code call} on thread {@code actor} of the process; the future completes with the kernel's answer. */
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

    /** Wakes {@code actor}'s call as the lab's cancel does (inside the child). */
    public void cancel(String actor) throws LabException {
        send(new Command.Cancel(actor));
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
                    case Message.Hello h -> hello.complete(h);
                    case Message.Happened h -> happened(h.event());
                    case Message.NotMade n -> {
                        CompletableFuture<CallOutcome> f = pending.remove(n.callId());
                        if (f != null) {
                            f.completeExceptionally(new IllegalStateException(n.why()));
                        }
                    }
                    case Message.Gap g -> trace.append(new Event.Note(0, trace.now(), "process " + process + ": "
                            + g.dropped() + " events were dropped before they could be sent"));
                }
            }
        } catch (IOException | RuntimeException e) {
            trace.append(new Event.Note(0, trace.now(), "process " + process + ": control channel failed: " + e));
        }
        Libc.close(channel.fd());
        int status = (int) Processes.waitpid(pid, true).value();
        if (!closing) {
            trace.append(new Event.Note(0, trace.now(), "process " + process + " (pid " + pid + ") " + exitText(status)));
        }
        for (CompletableFuture<CallOutcome> f : pending.values()) {
            f.completeExceptionally(new IllegalStateException("process " + process + " " + exitText(status)));
        }
        hello.completeExceptionally(new IllegalStateException("process " + process + " " + exitText(status)));
        exit.complete(status);
    }

    private void happened(Event e) {
        trace.append(e);
        if (e instanceof Event.CallReturned r) {
            CompletableFuture<CallOutcome> f = pending.remove(r.callId());
            if (f != null) {
                f.complete(r.outcome());
            }
        }
    }

    /** {@code exited (status 0)} or {@code was killed (signal 9)}. */
    static String exitText(int status) {
        int signal = Processes.termSignal(status);
        return signal != 0 ? "was killed (signal " + signal + ")" : "exited (status " + Processes.exitCode(status) + ")";
    }
}
