package org.sockscope.ui.playground;

import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.LabException;
import org.sockscope.lab.SocketOptions;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The playground's hands on the live lab. Set-up, reset and cancellation run on one control
 * thread (they may wait for actors); calls are queued to the actors' own threads. Nothing here
 * blocks its caller, and every outcome comes back as a message through {@code reply} (which the
 * view-model drains once per frame). No JavaFX.
 */
final class LabDriver implements AutoCloseable {
    private final Lab lab;
    private final Consumer<Runnable> reply;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("playground-control").daemon(true).unstarted(r));
    private final Map<Side, Actor> actors = new EnumMap<>(Side.class);

    /** Drives {@code lab}; results are handed to {@code reply} (any thread). */
    LabDriver(Lab lab, Consumer<Runnable> reply) {
        this.lab = lab;
        this.reply = reply;
    }

    Lab lab() {
        return lab;
    }

    /**
     * Closes everything and connects P1 to P2 with these options; {@code done} gets null on success
     * or the reason it failed (the lab stays usable either way).
     */
    void rebuild(SocketOptions client, SocketOptions server, Consumer<String> done) {
        control.execute(() -> {
            String error = null;
            try {
                synchronized (actors) {
                    actors.clear();
                }
                lab.reset();
                Map<Side, Actor> fresh = new EnumMap<>(Side.class);
                for (Side s : Side.values()) {
                    fresh.put(s, lab.actor(s.process()));
                }
                lab.connect(Side.CLIENT.process(), Side.SERVER.process(), client, server);
                synchronized (actors) {
                    actors.putAll(fresh);
                }
            } catch (LabException | RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String result = error;
            reply.accept(() -> done.accept(result));
        });
    }

    /** Queues {@code call} on {@code side}'s thread; {@code failed} gets a message if it cannot run. */
    void submit(Side side, Call call, Consumer<String> failed) {
        Actor a;
        synchronized (actors) {
            a = actors.get(side);
        }
        if (a == null) {
            failed.accept(side.process() + " has no thread yet: the connection is being set up.");
            return;
        }
        a.submit(call).whenComplete((outcome, ex) -> {
            if (ex != null) {
                reply.accept(() -> failed.accept(side.process() + ": " + ex.getMessage()));
            }
        });
    }

    /** Wakes {@code side}'s blocked call (shutdown of its socket); {@code done} gets false if none was in flight. */
    void cancel(Side side, Consumer<Boolean> done) {
        Actor a;
        synchronized (actors) {
            a = actors.get(side);
        }
        if (a == null) {
            done.accept(false);
            return;
        }
        control.execute(() -> {
            boolean woke = lab.cancel(a);
            reply.accept(() -> done.accept(woke));
        });
    }

    /** Closes the lab (waking blocked calls), waiting at most {@code millis}. */
    boolean close(long millis) {
        control.shutdownNow();
        Thread closer = Thread.ofPlatform().name("lab-close").daemon(true).start(lab::close);
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
