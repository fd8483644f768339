package org.sockscope.lab;

import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Bounded waits for tests: for an event in a trace, or for a condition polled on the kernel. */
public final class Await {
    private Await() {
    }

    /** The first event (from index 0) matching {@code p}, waiting up to {@code timeout}; fails otherwise. */
    public static <E extends Event> E event(Trace trace, Class<E> type, Predicate<E> p, Duration timeout) {
        CompletableFuture<E> found = new CompletableFuture<>();
        java.util.function.Consumer<Event> l = e -> {
            if (type.isInstance(e) && p.test(type.cast(e))) {
                found.complete(type.cast(e));
            }
        };
        trace.addListener(l);
        try {
            for (Event e : trace.events()) {
                if (type.isInstance(e) && p.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception ex) {
            throw new AssertionError("no " + type.getSimpleName() + " matching within " + timeout + "; trace: "
                    + trace.events().stream().map(Object::toString).reduce("", (a, b) -> a + "\n  " + b), ex);
        } finally {
            trace.removeListener(l);
        }
    }

    /** Polls {@code condition} every millisecond until true or {@code timeout}; fails with {@code what}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** The future's value within {@code timeout}. */
    public static <T> T result(CompletableFuture<T> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no result within " + timeout, e);
        }
    }
}
