package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.SocketOptions;
import org.sockscope.lab.World;
import org.sockscope.lab.agent.Worlds;
import org.sockscope.posix.SockAddr;
import org.sockscope.trace.CallOutcome;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of one model on one workload: a server process and a load process (real processes, or
 * threads of this JVM with {@code -Dsockscope.actors=threads}), a listener on 127.0.0.1, the
 * clients, then the figures. Everything the run started is gone when it returns. A server that
 * stops (a refused call, a budget reached) ends the run early; the results say where and why.
 */
public final class LabRun {
    private LabRun() {
    }

    /** Runs {@code model} against {@code load} in a fresh world. */
    public static Results run(Model model, Workload load) throws LabException {
        return run(model, load, RunOptions.DEFAULTS);
    }

    /** Runs {@code model} against {@code load} in a fresh world, as {@code options} say. */
    public static Results run(Model model, Workload load, RunOptions options) throws LabException {
        try (World world = Worlds.create(model.spawnsProcesses() || options.serverCpus() != null)) {
            return run(world, model, load, options);
        }
    }

    /** Runs {@code model} against {@code load} in {@code world}, which the caller closes. */
    public static Results run(World world, Model model, Workload load) throws LabException {
        return run(world, model, load, RunOptions.DEFAULTS);
    }

    /** Runs {@code model} against {@code load} in {@code world}, which the caller closes, as {@code options} say. */
    public static Results run(World world, Model model, Workload load, RunOptions options) throws LabException {
        world.start(List.of(Model.PROCESS, LoadClients.PROCESS));
        Calls calls = new Calls(world.trace());
        Performer main = world.actor(Model.PROCESS, Model.PROCESS);
        // Set-up, not the model's calls: made by the processes' main threads, recorded, not summed.
        String serverNoFile = raiseNoFile(calls, main);
        String loadNoFile = raiseNoFile(calls, world.actor(LoadClients.PROCESS, LoadClients.PROCESS));
        if (options.serverCpus() != null) {
            CallOutcome pinned = calls.observe(main, new Call.PinToCpus(options.serverCpus())).outcome();
            if (pinned.failed()) {
                throw new LabException("the server could not be pinned to CPUs " + options.serverCpus() + ": " + pinned.display());
            }
        }
        int listener = world.listen(Model.PROCESS, SocketOptions.DEFAULTS, Model.backlog(load));
        var described = world.described(Model.PROCESS, listener);
        SockAddr address = described == null ? null : SockAddr.parse(described.local());
        if (address == null) {
            throw new LabException("the listener's address could not be read");
        }
        raiseFloor(calls, main, listener, options.fdFloor());
        int pid = main.pid();
        calls.budget(new RunBudget(options.budget(), List.of(pid, world.actor(LoadClients.PROCESS, LoadClients.PROCESS).pid())));
        long cpu0 = ProcessStatus.cpuNanos(pid);
        long t0 = System.nanoTime();
        AcceptQueue queue = options.recording() ? AcceptQueue.start(world, calls, listener, t0) : AcceptQueue.off();
        world.observe(options.recording());
        try {
            // The server's kernel figures, read once it is done, or right before a reset ends it early.
            java.util.concurrent.atomic.AtomicReference<Object[]> end = new java.util.concurrent.atomic.AtomicReference<>();
            Runnable readEnd = () -> end.compareAndSet(null, new Object[] {System.nanoTime() - t0, ProcessStatus.cpuNanos(pid),
                    ProcessStatus.read(pid)});
            Served s = serve(world, model, load, calls, listener, address, options.loopsFor(load.clients()), readEnd);
            readEnd.run();
            java.util.Map<String, int[]> probes = world.observe(true);
            long wall = (long) end.get()[0];
            long cpu1 = (long) end.get()[1];
            return new Results(model, load, wall, s.done(), calls.allBut(LoadClients.PROCESS), calls.peakConnections(), (ProcessStatus) end.get()[2],
                    cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0, world instanceof org.sockscope.lab.Lab, queue.stop(),
                    new Results.Notes(serverNoFile, loadNoFile, s.stopped(), options, probes));
        } finally {
            queue.stop();
        }
    }

    /** The server process's RLIMIT_NOFILE raised to its hard limit: {@code was 1024/20000 now 20000/20000}. */
    private static String raiseNoFile(Calls calls, Performer actor) {
        Calls.Made m = calls.observe(actor, new Call.RaiseNoFile());
        return m.outcome().failed() ? "not raised: " + m.outcome().display() : m.data();
    }

    /** dup()s the listener until the lowest free number is at least {@code floor} (bounded: at most floor calls). */
    private static void raiseFloor(Calls calls, Performer main, int listener, int floor) throws LabException {
        for (int i = 0; i < floor; i++) {
            CallOutcome o = calls.observe(main, new Call.Dup(listener)).outcome();
            if (o.failed()) {
                throw new LabException("dup(" + listener + ") failed before descriptor " + floor + ": " + o.display());
            }
            if (o.ret() >= floor - 1) {
                return;
            }
        }
    }

    /** What the clients did, and why the server stopped early (empty when it served them all). */
    private record Served(LoadClients.Done done, String stopped) {
    }

    private static Served serve(World world, Model model, Workload load, Calls calls, int listener, SockAddr address,
                                int loops, Runnable beforeReset) throws LabException {
        CompletableFuture<Void> server = new CompletableFuture<>();
        Thread.ofPlatform().name("model-" + model.id()).daemon(true).start(() -> {
            try {
                model.serve(world, calls, listener, load);
                server.complete(null);
            } catch (LabException | RuntimeException e) {
                server.completeExceptionally(e);
            }
        });
        // A server that failed leaves its clients waiting in recv(): ending the world wakes them.
        Runnable reset = () -> {
            beforeReset.run();
            world.reset();
        };
        server.whenComplete((v, e) -> {
            if (e != null) {
                reset.run();
            }
        });
        // A client that failed leaves the server waiting for it: ending the world wakes the server.
        LoadClients.Done done = LoadClients.run(world, calls, address.port(), load, server, loops, () -> {
            if (!server.isDone()) {
                reset.run();
            }
        });
        try {
            server.get(Calls.CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Served(done, done.problem().isEmpty() ? "" : "the load stopped: " + done.problem());
        } catch (java.util.concurrent.ExecutionException e) {
            String load0 = done.problem().isEmpty() || server.exceptionNow() instanceof RunBudget.Reached ? ""
                    : "; the load: " + done.problem();
            return new Served(done, "the " + model.id() + " server stopped: " + e.getCause().getMessage() + load0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new LabException("the " + model.id() + " server did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("the " + model.id() + " server: interrupted");
        }
    }
}
