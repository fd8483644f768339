package org.sockscope.ui.playground;

import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.SocketOptions;
import org.sockscope.lab.World;
import org.sockscope.lab.agent.ProcessWorld;
import org.sockscope.ui.widget.TaskFailure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The playground's hands on the live lab. Set-up, reset and cancellation run on one control
 * thread (they may wait for actors); calls are queued to the actors' own threads. Nothing here
 * blocks its caller, and every outcome comes back as a message through {@code reply} (which the
 * view-model drains once per frame). No JavaFX. Whatever a task throws (a kernel refusal, an
 * engine bug, a stopped actor) comes back as a sentence for the banner; only the unexpected ones
 * are also logged to stderr, once each.
 *
 * <p>P1 and P2 are either two threads of this process (the {@link Lab} it was given, one table) or
 * two real processes ({@link ProcessWorld}, a table each); both record into the lab's one trace,
 * so the view-model reads one trace whichever it is.
 */
final class LabDriver implements AutoCloseable {
    private final Lab threads;
    private final Consumer<Runnable> reply;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("playground-control").daemon(true).unstarted(r));
    private final Map<Side, Performer> actors = new EnumMap<>(Side.class);
    /** The world P1 and P2 live in now: {@link #threads}, or a ProcessWorld on the same trace. */
    private volatile World world;

    /** Drives {@code lab} (P1 and P2 as its threads until asked for processes); results go to {@code reply}. */
    LabDriver(Lab lab, Consumer<Runnable> reply) {
        this.threads = lab;
        this.world = lab;
        this.reply = reply;
    }

    /** The world P1 and P2 are in now. */
    World world() {
        return world;
    }

    /** True when P1 and P2 are real processes now. */
    boolean processes() {
        return world instanceof ProcessWorld;
    }

    /**
     * Closes everything and connects P1 to P2 with these options; {@code done} gets null on success
     * or the reason it failed (the lab stays usable either way).
     */
    void rebuild(SocketOptions client, SocketOptions server, boolean processes, Consumer<String> done) {
        Runnable task = () -> {
            String error = null;
            try {
                synchronized (actors) {
                    actors.clear();
                }
                World w = world;
                w.reset();
                if (processes != w instanceof ProcessWorld) {
                    if (w instanceof ProcessWorld) {
                        w.close();
                    }
                    w = processes ? new ProcessWorld(Lab.DEFAULT_HZ, threads.trace()) : threads;
                    world = w;
                }
                w.start(List.of(Side.CLIENT.process(), Side.SERVER.process()));
                Map<Side, Performer> fresh = new EnumMap<>(Side.class);
                for (Side s : Side.values()) {
                    fresh.put(s, w.actor(s.process(), s.process()));
                }
                w.connect(Side.CLIENT.process(), Side.SERVER.process(), client, server);
                synchronized (actors) {
                    actors.putAll(fresh);
                }
            } catch (LabException e) {
                error = TaskFailure.reason(e); // the kernel refused (bad settings): the banner says it all
            } catch (Throwable t) {
                error = TaskFailure.reason(t);
                TaskFailure.log("setting up the playground's connection failed", t);
            }
            String result = error;
            reply.accept(() -> done.accept(result));
        };
        if (!execute(task)) {
            done.accept("the lab is closed");
        }
    }

    /**
     * Queues {@code call} on {@code side}'s thread; {@code failed} gets a sentence (on the FX thread,
     * through {@code reply}) if it cannot run or the engine throws instead of answering. Returns the
     * call's id and result, or null when it was not queued.
     */
    Actor.Submission submit(Side side, Call call, Consumer<String> failed) {
        Performer a;
        synchronized (actors) {
            a = actors.get(side);
        }
        if (a == null) {
            failed.accept(side.process() + " has no thread yet: the connection is being set up.");
            return null;
        }
        String what = side.process() + "'s " + call.spec().text();
        try {
            Actor.Submission sub = a.submitTracked(call);
            sub.result().whenComplete((outcome, ex) -> {
                if (ex != null) {
                    failedCall(what, ex, failed);
                }
            });
            return sub;
        } catch (RuntimeException e) {
            failedCall(what, e, failed);
            return null;
        }
    }

    private void failedCall(String what, Throwable t, Consumer<String> failed) {
        TaskFailure.log(what + " failed", t);
        String text = what + " did not run: " + TaskFailure.reason(t)
                + ". Rebuild the connection (Ctrl+R), then make the call again.";
        reply.accept(() -> failed.accept(text));
    }

    /**
     * Wakes {@code side}'s blocked call (shutdown of its socket); {@code done} gets false if none was
     * in flight, {@code failed} a sentence if the lab threw.
     */
    void cancel(Side side, Consumer<Boolean> done, Consumer<String> failed) {
        Performer a;
        synchronized (actors) {
            a = actors.get(side);
        }
        if (a == null) {
            done.accept(false);
            return;
        }
        Runnable task = () -> {
            try {
                boolean woke = world.cancel(a);
                reply.accept(() -> done.accept(woke));
            } catch (Throwable t) {
                TaskFailure.log("cancelling " + side.process() + "'s call failed", t);
                String text = "Could not cancel " + side.process() + "'s call: " + TaskFailure.reason(t)
                        + ". Rebuild the connection (Ctrl+R) to start afresh.";
                reply.accept(() -> failed.accept(text));
            }
        };
        if (!execute(task)) {
            failed.accept("Could not cancel " + side.process() + "'s call: the lab is closed.");
        }
    }

    /** Runs {@code task} on the control thread; false once the driver is closed. */
    private boolean execute(Runnable task) {
        try {
            control.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Closes the lab (waking blocked calls), waiting at most {@code millis}. */
    boolean close(long millis) {
        control.shutdownNow();
        Thread closer = Thread.ofPlatform().name("lab-close").daemon(true).start(() -> {
            World w = world;
            if (w != threads) {
                w.close();
            }
            threads.close();
        });
        try {
            closer.join(millis);
            control.awaitTermination(Math.max(1, millis / 10), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closer.isAlive();
    }

    @Override
    public void close() {
        close(800);
    }
}
