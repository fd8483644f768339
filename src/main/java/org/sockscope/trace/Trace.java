package org.sockscope.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only record of a lab's life. Thread-safe: actors, the sampler and the control side
 * append; readers ask for events and Snapshots by index. A Snapshot for any index is rebuilt from
 * the nearest checkpoint (one every {@value #CHECKPOINT_EVERY} events), never from the start.
 *
 * <p>Memory is bounded: a trace keeps its newest {@code capacity} events or a few more. A live
 * run's trace ({@link #Trace()}) keeps {@value #HISTORY} — its whole history for any scenario, and
 * about 25 s of the playground streaming at full speed (about 40,000 events a second; 184 bytes an
 * event, stepping to any of them in well under a millisecond: docs/benchmarks.md). Older ones are
 * dropped in blocks; indexes never change, {@link #firstIndex()} says where the kept part begins,
 * and the latest Snapshot is always exact.
 */
public final class Trace {
    static final int CHECKPOINT_EVERY = 64;
    /** Events a process actor's trace keeps: it only holds them until they are sent to the app. */
    public static final int DEFAULT_CAPACITY = 1 << 16;
    /** Events a live run's trace keeps: its history (1,048,576 events, about 190 MB). */
    public static final int HISTORY = 1 << 20;

    private final long startNanos;
    private final int capacity;
    /** Index of {@code events.get(0)}; always a multiple of {@link #CHECKPOINT_EVERY}. */
    private long first;
    private final ArrayList<Event> events = new ArrayList<>();
    /** {@code checkpoints.get(k)} is the Snapshot after event {@code first + k·CHECKPOINT_EVERY}. */
    private final ArrayList<Snapshot> checkpoints = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private Snapshot latest = Snapshot.EMPTY;

    /** A live run's empty trace, whose clock starts now, keeping {@link #HISTORY} events. */
    public Trace() {
        this(System.nanoTime(), HISTORY);
    }

    /** An empty trace keeping at least its newest {@code capacity} events. */
    public Trace(int capacity) {
        this(System.nanoTime(), capacity);
    }

    /**
     * An empty trace whose clock began at {@code startNanos} (a {@link System#nanoTime()} reading:
     * CLOCK_MONOTONIC, the same clock in every process), so the events of several processes' traces
     * share one time axis.
     */
    public static Trace startingAt(long startNanos) {
        return new Trace(startNanos, DEFAULT_CAPACITY);
    }

    /** The {@link System#nanoTime()} reading this trace's clock counts from. */
    public long startNanos() {
        return startNanos;
    }

    private Trace(long startNanos, int capacity) {
        if (capacity < CHECKPOINT_EVERY) {
            throw new IllegalArgumentException("a trace keeps at least " + CHECKPOINT_EVERY + " events, not " + capacity);
        }
        this.startNanos = startNanos;
        this.capacity = capacity;
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
            stored = e.withSeq(first + events.size());
            events.add(stored);
            latest = latest.apply(stored);
            if (stored.seq() % CHECKPOINT_EVERY == 0) {
                checkpoints.add(latest);
            }
            if (events.size() >= capacity + capacity / 4) {
                dropOldest(capacity / 4 / CHECKPOINT_EVERY * CHECKPOINT_EVERY);
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

    private void dropOldest(int n) {
        events.subList(0, n).clear();
        checkpoints.subList(0, n / CHECKPOINT_EVERY).clear();
        first += n;
    }

    /** Number of events appended so far (the next event's index), dropped ones included. */
    public synchronized int size() {
        return Math.toIntExact(first + events.size());
    }

    /** Index of the oldest event still kept (0 until the trace outgrew its capacity). */
    public synchronized long firstIndex() {
        return first;
    }

    /** The event at {@code index}; throws when it was dropped or does not exist yet. */
    public synchronized Event event(int index) {
        if (index < first) {
            throw new IndexOutOfBoundsException("event " + index + " was dropped: this trace keeps its newest " + capacity + " events");
        }
        return events.get((int) (index - first));
    }

    /** A copy of the kept events from index {@code from} on (from the oldest kept one if {@code from} was dropped). */
    public synchronized List<Event> eventsFrom(int from) {
        int start = (int) Math.max(0, from - first);
        return start >= events.size() ? List.of() : List.copyOf(events.subList(start, events.size()));
    }

    /** A copy of every kept event. */
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
            long size = first + events.size();
            if (index < -1 || index >= size) {
                throw new IndexOutOfBoundsException("no event " + index + " in a trace of " + size);
            }
            if (index == size - 1) {
                return latest;
            }
            if (index == -1 && first == 0) {
                return Snapshot.EMPTY;
            }
            if (index < first) {
                throw new IndexOutOfBoundsException("event " + index + " was dropped: this trace keeps its newest " + capacity + " events");
            }
            base = checkpoints.get((int) ((index - first) / CHECKPOINT_EVERY));
            tail = List.copyOf(events.subList((int) (base.index() + 1 - first), (int) (index + 1 - first)));
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
        Trace t = new Trace(System.nanoTime(), Math.max(DEFAULT_CAPACITY, recorded.size()));
        t.appendAll(recorded);
        return t;
    }
}
