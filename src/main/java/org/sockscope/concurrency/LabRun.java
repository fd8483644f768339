package org.sockscope.concurrency;

import org.sockscope.lab.LabException;
import org.sockscope.lab.SocketOptions;
import org.sockscope.lab.World;
import org.sockscope.lab.agent.Worlds;
import org.sockscope.posix.SockAddr;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of one model on one workload: a server process and a load process (real processes, or
 * threads of this JVM with {@code -Dsockscope.actors=threads}), a listener on 127.0.0.1, the
 * clients, then the figures. Everything the run started is gone when it returns.
 */
public final class LabRun {
    private LabRun() {
    }

    /** Runs {@code model} against {@code load} in a fresh world. */
    public static Results run(Model model, Workload load) throws LabException {
        refuseOverBudget(model, load);
        try (World world = Worlds.create(model.spawnsProcesses())) {
            return run(world, model, load);
        }
    }

    private static void refuseOverBudget(Model model, Workload load) throws LabException {
        java.util.Optional<String> over = model.overBudget(load);
        if (over.isPresent()) {
            throw new LabException(over.get());
        }
    }

    /** Runs {@code model} against {@code load} in {@code world}, which the caller closes. */
    public static Results run(World world, Model model, Workload load) throws LabException {
        refuseOverBudget(model, load);
        world.start(List.of(Model.PROCESS, LoadClients.PROCESS));
        int listener = world.listen(Model.PROCESS, SocketOptions.DEFAULTS, Math.clamp(load.clients(), 16, 4096));
        var described = world.described(Model.PROCESS, listener);
        SockAddr address = described == null ? null : SockAddr.parse(described.local());
        if (address == null) {
            throw new LabException("the listener's address could not be read");
        }
        Calls calls = new Calls(world.trace());
        int pid = world.actor(Model.PROCESS, Model.PROCESS).pid();
        long cpu0 = ProcessStatus.cpuNanos(pid);
        long t0 = System.nanoTime();
        AcceptQueue queue = AcceptQueue.start(world, calls, listener, t0);
        try {
            return serveAndMeasure(world, model, load, calls, listener, address, pid, cpu0, t0, queue);
        } finally {
            queue.stop();
        }
    }

    private static Results serveAndMeasure(World world, Model model, Workload load, Calls calls, int listener, SockAddr address,
                                           int pid, long cpu0, long t0, AcceptQueue queue) throws LabException {
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
        server.whenComplete((v, e) -> {
            if (e != null) {
                world.reset();
            }
        });
        LoadClients.Done done;
        try {
            done = LoadClients.run(world, calls, address.port(), load, server);
            server.get(Calls.CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (LabException | java.util.concurrent.ExecutionException e) {
            if (server.isCompletedExceptionally()) {
                throw new LabException("the " + model.id() + " server failed: " + server.exceptionNow().getMessage());
            }
            throw e instanceof LabException le ? le : new LabException("the " + model.id() + " server failed: " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new LabException("the " + model.id() + " server did not finish in time");
        }
        long wall = System.nanoTime() - t0;
        long cpu1 = ProcessStatus.cpuNanos(pid);
        return new Results(model, load, wall, done, calls.allBut(LoadClients.PROCESS), ProcessStatus.read(pid),
                cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0, world instanceof org.sockscope.lab.Lab, queue.stop());
    }
}
