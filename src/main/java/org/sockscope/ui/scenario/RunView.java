package org.sockscope.ui.scenario;

import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.Event;
import org.sockscope.trace.Snapshot;
import org.sockscope.trace.Trace;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The view-model's frame work: folds the run's new trace events into the byte ledger and the
 * call log, and maps the Snapshot on screen (the newest one, or while reviewing the one recorded
 * after the step shown) to a {@link Screen}. FX thread only; every read of the trace is short.
 */
final class RunView {
    private ScreenMapper mapper;
    private SessionRunner.RunState run;
    private Trace folded;
    private StreamLedger ledger = new StreamLedger();
    private StepLog stepLog = new StepLog();
    private int count;
    private long reviewMark = Long.MIN_VALUE;
    private StreamLedger reviewLedger;
    private long filterUpTo = Long.MAX_VALUE;
    private Set<Long> pendingCalls = Set.of();
    private boolean dirty = true;

    /** A new scenario: nothing to show until its run reports. */
    void scenario(Scenario s) {
        mapper = new ScreenMapper(s);
        restart();
    }

    /** A new run is starting: the old one's state is no longer shown. */
    void restart() {
        run = null;
        dirty = true;
    }

    /** The run's latest state. */
    void run(SessionRunner.RunState s) {
        run = s;
        Set<Long> pending = new HashSet<>();
        for (StepReport r : s.reports()) {
            if (r.pending()) {
                pending.add(r.callId());
            }
        }
        pendingCalls = pending;
        dirty = true;
    }

    /** Something the screen depends on changed (position, options). */
    void invalidate() {
        dirty = true;
    }

    void refresh(ScenarioViewModel vm) {
        if (mapper == null || run == null) {
            if (dirty) {
                dirty = false;
                vm.setScreen(Screen.EMPTY, null);
            }
            return;
        }
        Trace t = run.trace();
        if (t != folded) {
            folded = t;
            ledger = new StreamLedger();
            stepLog = new StepLog();
            count = 0;
            reviewMark = Long.MIN_VALUE;
            vm.allLog().clear();
            dirty = true;
        }
        if (t.size() > count) {
            fold(vm, t.eventsFrom(count));
        }
        // A replay always shows a recorded moment: the one the step shown ended at.
        boolean reviewing = vm.reviewingProperty().get() || vm.replayProperty().get();
        int p = vm.positionProperty().get();
        long mark = reviewing && p < run.marks().size() ? Math.min(run.marks().get(p), count - 1L) : Long.MAX_VALUE;
        if (mark != Long.MAX_VALUE && mark < t.firstIndex()) {
            // A live trace keeps its newest events only; this moment is gone (a scenario rarely gets there).
            vm.say("The recording of that moment was dropped (the trace keeps its newest " + Trace.HISTORY
                    + " events): “Run again to here” replays it.");
            mark = t.firstIndex();
        }
        Snapshot snap = null;
        if (dirty) {
            dirty = false;
            StreamLedger l = ledger;
            if (mark != Long.MAX_VALUE) {
                if (mark != reviewMark) {
                    reviewMark = mark;
                    long upTo = mark;
                    reviewLedger = StreamLedger.of(t.eventsFrom(0).stream().filter(e -> e.seq() <= upTo).toList());
                }
                l = reviewLedger;
                snap = t.snapshotAt(mark);
            } else {
                snap = t.snapshotAt(count - 1L);
            }
            Screen s = mapper.map(snap, l, run.reports(), run.fdNames(), p, vm.allBuffersProperty().get());
            if (mark != filterUpTo) {
                filterUpTo = mark;
                long upTo = mark;
                vm.filteredLog().setPredicate(upTo == Long.MAX_VALUE ? null : e -> e.seq() <= upTo);
            }
            vm.setScreen(s, s.highlightCallId() < 0 ? null : stepLog.lineOf(s.highlightCallId(), mark));
        }
        long clock = mark == Long.MAX_VALUE ? t.now() : (snap != null ? snap.nanos() : vm.clockProperty().get());
        vm.setClock(clock, count);
    }

    private void fold(ScenarioViewModel vm, List<Event> batch) {
        List<LogEntry> lines = new ArrayList<>();
        boolean returned = false;
        for (Event e : batch) {
            ledger.fold(e);
            LogEntry line = stepLog.fold(e);
            if (line != null) {
                lines.add(line);
            }
            if (e instanceof Event.CallReturned r && pendingCalls.contains(r.callId())) {
                returned = true;
            }
        }
        count = batch.isEmpty() ? count : (int) batch.getLast().seq() + 1; // indexes stay stable when old events are dropped
        vm.allLog().addAll(lines);
        dirty = true;
        if (returned) {
            pendingCalls = Set.of();
            vm.refreshReports();
        }
    }
}
