package org.sockscope.ui.scenario;

import org.sockscope.trace.CallSpec;
import org.sockscope.trace.Event;
import org.sockscope.ui.widget.LogEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The call log of a scenario run, strace-like, folded from trace events; remembers which lines
 * belong to which call so the line of the step on screen can be highlighted.
 */
final class StepLog {
    private final Map<Long, CallSpec> running = new HashMap<>();
    private final Map<Long, List<LogEntry>> byCall = new HashMap<>();
    private final List<LogEntry> lines = new ArrayList<>();

    /** Folds {@code e}; returns its log line, or null for events the log does not show. */
    LogEntry fold(Event e) {
        LogEntry line = switch (e) {
            case Event.CallStarted s -> {
                running.put(s.callId(), s.call());
                yield null;
            }
            case Event.CallBlocked b -> {
                CallSpec c = running.get(b.callId());
                yield index(b.callId(), LogEntry.blocked(b.seq(), b.nanos(), b.actor(),
                        c == null ? "call " + b.callId() : c.text(), b.syscall(), b.wchan()));
            }
            case Event.CallReturned r -> {
                running.remove(r.callId());
                yield index(r.callId(), LogEntry.returned(r.seq(), r.nanos(), r.actor(), r.call(), r.outcome(), r.data()));
            }
            case Event.CallCancelled c -> {
                CallSpec spec = running.get(c.callId());
                yield new LogEntry(c.seq(), c.nanos(), c.actor(), "lab: " + c.how() + " wakes "
                        + (spec == null ? "the call" : spec.text()), "", "", -1, LogEntry.Kind.CANCELLED);
            }
            case Event.Note n -> new LogEntry(n.seq(), n.nanos(), "lab", n.text(), "", "", -1, LogEntry.Kind.NOTE);
            default -> null;
        };
        if (line != null) {
            lines.add(line);
        }
        return line;
    }

    private LogEntry index(long callId, LogEntry line) {
        byCall.computeIfAbsent(callId, k -> new ArrayList<>()).add(line);
        return line;
    }

    /** The newest line of call {@code callId} recorded at or before trace index {@code upTo}, or null. */
    LogEntry lineOf(long callId, long upTo) {
        LogEntry found = null;
        for (LogEntry l : byCall.getOrDefault(callId, List.of())) {
            if (l.seq() <= upTo) {
                found = l;
            }
        }
        return found;
    }

    /** Every line so far, oldest first. */
    List<LogEntry> lines() {
        return lines;
    }
}
