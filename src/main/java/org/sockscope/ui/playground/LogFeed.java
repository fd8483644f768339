package org.sockscope.ui.playground;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sockscope.trace.Event;
import org.sockscope.ui.widget.LogEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The call log's lines, fed from trace events once per frame. The list changes at most every
 * {@link #FLUSH_NANOS} (each change re-lays out the table): a call made by hand is listed in the
 * frame it returns, or at most a tenth of a second later when another line was just added. While
 * calls stream, each change adds the newest {@link #MAX_PER_FLUSH} lines after a note saying how
 * many were left out. The trace keeps its newest events only: events it dropped before a frame
 * folded them are named once, in a note saying how many.
 */
final class LogFeed {
    /** Lines kept in the list. */
    static final int MAX_LINES = 5000;
    /** Lines added per flush at most. */
    static final int MAX_PER_FLUSH = 60;
    /** The list changes at most this often. */
    static final long FLUSH_NANOS = 100_000_000L;
    /** The list is trimmed in chunks of this many lines, not every flush. */
    static final int TRIM_CHUNK = 500;

    private final LogLines lines = new LogLines();
    private final ObservableList<LogEntry> list = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> readOnly = FXCollections.unmodifiableObservableList(list);
    private final List<LogEntry> pending = new ArrayList<>();
    private long skipped;
    /** Events the trace dropped before they were folded, since the last flush, and where. */
    private long dropped;
    private long droppedFrom;
    private long droppedTo;
    private long droppedNanos;
    private long lastFlush = Long.MIN_VALUE / 2;
    private long flushNanos = FLUSH_NANOS;
    private int maxPerFlush = MAX_PER_FLUSH;

    /** Takes in one event's line, if it has one. */
    void fold(Event e) {
        LogEntry line = lines.fold(e);
        if (line == null) {
            return;
        }
        pending.add(line);
        if (pending.size() > maxPerFlush) {
            pending.removeFirst();
            skipped++;
        }
    }

    /**
     * Events {@code [from, to)} were dropped by the bounded trace before they were folded: their
     * calls can never be listed. Said in one note at the next flush (gaps in between are merged).
     */
    void dropped(long n, long from, long to, long nanos) {
        if (dropped == 0) {
            droppedFrom = from;
            droppedNanos = nanos;
        }
        dropped += n;
        droppedTo = to;
    }

    /** Moves pending lines into the list if the last change is old enough. FX thread. */
    void flushIfDue() {
        if ((pending.isEmpty() && dropped == 0) || System.nanoTime() - lastFlush < flushNanos) {
            return;
        }
        lastFlush = System.nanoTime();
        List<LogEntry> batch = new ArrayList<>(pending.size() + 2);
        if (dropped > 0) {
            batch.add(new LogEntry(droppedFrom, droppedNanos, "lab", droppedNote(dropped, droppedFrom, droppedTo),
                    "", "", -1, LogEntry.Kind.NOTE));
            dropped = 0;
        }
        if (skipped > 0) {
            LogEntry first = pending.getFirst();
            batch.add(new LogEntry(first.seq(), first.nanos(), "lab", "… " + skipped + " lines not listed: calls"
                    + " returned faster than the log can show (the trace records them)", "", "", -1, LogEntry.Kind.NOTE));
            skipped = 0;
        }
        batch.addAll(pending);
        pending.clear();
        int overflow = list.size() + batch.size() - MAX_LINES;
        if (overflow > 0) {
            list.remove(0, Math.min(list.size(), overflow + TRIM_CHUNK));
        }
        list.addAll(batch);
    }

    /** The note for {@code n} dropped events {@code [from, to)}. */
    static String droppedNote(long n, long from, long to) {
        return "… " + n + (n == 1 ? " event" : " events") + " dropped by the bounded trace before the log could show them"
                + " (events " + from + "–" + (to - 1) + "): their calls are not listed, and bytes they moved are shown as ?";
    }

    /** The lines, newest last (read-only). */
    ObservableList<LogEntry> list() {
        return readOnly;
    }

    /**
     * Lists every line at once, each flush (a replay: a jump folds many recorded events in one frame,
     * and none of them "returned faster than the log can show").
     */
    void listEverything() {
        flushNanos = 0;
        maxPerFlush = MAX_LINES;
    }

    /** Changes the minimum time between list changes (tests: 0). */
    void setFlushNanos(long nanos) {
        flushNanos = nanos;
    }
}
