package org.sockscope.ui.playground;

import org.sockscope.trace.Event;
import org.sockscope.trace.Snapshot;
import org.sockscope.trace.Trace;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Folds the playground's trace into the byte ledger and the call log by event index, never by list
 * position: a live trace keeps only its newest events, so each frame folds every kept event after
 * the last one folded. Events the trace dropped before they were folded are named once in the log,
 * and the ledger, which can no longer say whose bytes are queued, shows them as '?' until kernel
 * figures probed after the gap place its streams again. FX thread only (probes run on
 * {@code probes}).
 */
final class TraceFolder {
    /** What the view-model does besides folding: per event, after events were dropped unseen, on a failure. */
    interface Hooks {
        void event(Event e);

        void dropped();

        /** {@code what} ("folding event 12") failed; the folder goes on. */
        void failed(String what, RuntimeException e);
    }

    private final Trace trace;
    private final StreamLedger ledger;
    private final LogFeed log;
    private final Hooks hooks;
    /** Reads the kernel now and returns once the reading is in the trace. */
    private final Runnable sampler;
    private final Executor probes;
    private final Consumer<Runnable> inbox;
    /** The index of the next event to fold: every event before it was folded or dropped. */
    private long nextIndex;
    private List<Event> lastBatch = List.of();
    /** A probe for the ledger runs; its answer: figures current for events before {@code probedAfter} once {@code probedBy} is folded. */
    private boolean probing;
    private long probedAfter = -1;
    private long probedBy = -1;

    /** {@code sampler} null: a trace without a lab (no probe can be asked for fresh figures after a gap). */
    TraceFolder(Trace trace, StreamLedger ledger, LogFeed log, Hooks hooks, Runnable sampler, Executor probes,
                Consumer<Runnable> inbox) {
        this.trace = trace;
        this.ledger = ledger;
        this.log = log;
        this.hooks = hooks;
        this.sampler = sampler;
        this.probes = probes;
        this.inbox = inbox;
    }

    /**
     * Folds every event up to {@code snap}, the newest Snapshot read first: however many events the
     * actors append (or the trace drops) meanwhile, the ledger and the log end where the Snapshot is.
     * False when nothing the columns draw changed. An event that cannot be folded is reported to
     * the hooks and skipped; the rest are folded.
     */
    boolean foldTo(Snapshot snap) {
        boolean placed = settle(snap);
        long upTo = snap.index();
        if (upTo < nextIndex) {
            lastBatch = List.of();
            return placed;
        }
        List<Event> kept = trace.eventsFrom(Math.toIntExact(nextIndex));
        long firstKept = kept.isEmpty() ? upTo + 1 : Math.min(kept.getFirst().seq(), upTo + 1);
        if (firstKept > nextIndex) {
            ledger.dropped(snap);
            long at = kept.isEmpty() || kept.getFirst().seq() > upTo ? snap.nanos() : kept.getFirst().nanos();
            log.dropped(firstKept - nextIndex, nextIndex, firstKept, at); // stamped as the first kept event
            hooks.dropped();
        }
        int end = 0;
        while (end < kept.size() && kept.get(end).seq() <= upTo) {
            end++;
        }
        List<Event> batch = kept.subList(0, end);
        for (Event e : batch) {
            try {
                ledger.fold(e);
                log.fold(e);
                hooks.event(e);
            } catch (RuntimeException ex) {
                hooks.failed("folding event " + e.seq() + " (" + e.getClass().getSimpleName() + ")", ex); // one bad event must not stop the rest
            }
        }
        nextIndex = upTo + 1;
        lastBatch = batch;
        settle(snap);
        return true;
    }

    /**
     * Places the ledger's streams once a probe's figures are folded, and asks for the next probe
     * while some are unplaced. {@code sampleNow()} records a sample if any figure changed, so once
     * the trace is folded past it the Snapshot's figures are current for every event appended
     * before it began. True when the ledger was given fresh figures.
     */
    private boolean settle(Snapshot snap) {
        if (!ledger.unsettled()) {
            return false;
        }
        boolean placed = false;
        if (probedAfter >= 0 && snap.index() >= probedBy) {
            ledger.settle(snap, probedAfter);
            probedAfter = -1;
            placed = true;
        }
        if (ledger.unsettled() && !probing && probedAfter < 0 && sampler != null) {
            probing = true;
            probes.execute(this::probe);
        }
        return placed;
    }

    /** On the probe thread. */
    private void probe() {
        long before = trace.size();
        try {
            sampler.run();
        } catch (RuntimeException e) {
            inbox.accept(() -> hooks.failed("probing the kernel's queues", e)); // probing stays on: the '?' bytes stay unknown
            return;
        }
        long after = trace.size();
        inbox.accept(() -> {
            probing = false;
            probedAfter = before;
            probedBy = after - 1;
        });
    }

    /** Events folded or dropped so far: the index of the next one to fold. */
    long nextIndex() {
        return nextIndex;
    }

    /** The events folded by the last {@link #foldTo} (empty when none arrived). */
    List<Event> lastBatch() {
        return lastBatch;
    }
}
