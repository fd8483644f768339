package org.sockscope.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only record of a lab's life. Thread-safe: actors, the sampler and the control side
 * append; readers ask for events and Snapshots by index. A Snapshot for any index is rebuilt from
 * the nearest checkpoint (one every {@value #CHECKPOINT_EVERY} events), never from the start.
 */
public final class Trace {
    static final int CHECKPOINT_EVERY = 64;

    private final long startNanos;
    private final List<Event> events = new ArrayList<>();
    private final List<Snapshot> checkpoints = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private Snapshot latest = Snapshot.EMPTY;

    /** An empty trace whose clock starts now. */
    public Trace() {
        this(System.nanoTime());
    }

    private Trace(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Nanoseconds since this trace began, for stamping events. */
    public long now() {
        return System.nanoTime() - startNanos;
    }

    /**
     * Appends an event, giving it the next index (and, when its time is negative, the current time).
     * Returns the event as stored.
     */
    public Event append(Event e) {
        Event stored;
        synchronized (this) {
            stored = e.withSeq(events.size());
            events.add(stored);
            latest = latest.apply(stored);
            if (stored.seq() % CHECKPOINT_EVERY == 0) {
                checkpoints.add(latest);
            }
        }
        for (Consumer<Event> l : listeners) {
            l.accept(stored);
        }
        return stored;
    }

    /** Appends every event in order (used when loading a recorded trace). */
    public void appendAll(List<? extends Event> list) {
        list.forEach(this::append);
    }

    /** Number of events so far. */
    public synchronized int size() {
        return events.size();
    }

    /** The event at {@code index}. */
    public synchronized Event event(int index) {
        return events.get(index);
    }

    /** A copy of the events {@code [from, size())}. */
    public synchronized List<Event> eventsFrom(int from) {
        return List.copyOf(events.subList(from, events.size()));
    }

    /** A copy of every event. */
    public List<Event> events() {
        return eventsFrom(0);
    }

    /** The world after the newest event. */
    public synchronized Snapshot latest() {
        return latest;
    }

    /** The world right after event {@code index} ({@code -1}: before any event). */
    public Snapshot snapshotAt(long index) {
        Snapshot base;
        List<Event> tail;
        synchronized (this) {
            if (index < -1 || index >= events.size()) {
                throw new IndexOutOfBoundsException("no event " + index + " in a trace of " + events.size());
            }
            if (index == events.size() - 1) {
                return latest;
            }
            if (index == -1) {
                return Snapshot.EMPTY;
            }
            int cp = (int) (index / CHECKPOINT_EVERY);
            base = checkpoints.get(cp);
            tail = List.copyOf(events.subList((int) base.index() + 1, (int) index + 1));
        }
        Snapshot s = base;
        for (Event e : tail) {
            s = s.apply(e);
        }
        return s;
    }

    /** Calls {@code l} after each append, on the appending thread. Keep it short; never block in it. */
    public void addListener(Consumer<Event> l) {
        listeners.add(l);
    }

    /** Stops calling {@code l}. */
    public void removeListener(Consumer<Event> l) {
        listeners.remove(l);
    }

    /** A new trace holding these events (a recorded trace loaded for replay). */
    public static Trace of(List<? extends Event> recorded) {
        Trace t = new Trace(System.nanoTime());
        t.appendAll(recorded);
        return t;
    }
}
