package org.sockscope.ui.playground;

import org.sockscope.trace.CallSpec;
import org.sockscope.trace.Event;
import org.sockscope.ui.widget.LogEntry;

import java.util.HashMap;
import java.util.Map;

/** Turns trace events into strace-like call-log lines (null for events the log does not show). */
final class LogLines {
    /** Calls that have started and not yet returned, for the "unfinished" and "cancelled" lines. */
    private final Map<Long, CallSpec> running = new HashMap<>();

    /** The log line for {@code e}, or null. */
    LogEntry fold(Event e) {
        return switch (e) {
            case Event.CallStarted s -> {
                running.put(s.callId(), s.call());
                yield null;
            }
            case Event.CallBlocked b -> {
                CallSpec c = running.get(b.callId());
                yield LogEntry.blocked(b.seq(), b.nanos(), b.actor(), c == null ? "call " + b.callId() : c.text(),
                        b.syscall(), b.wchan());
            }
            case Event.CallReturned r -> {
                running.remove(r.callId());
                yield LogEntry.returned(r.seq(), r.nanos(), r.actor(), r.call(), r.outcome(), r.data());
            }
            case Event.CallCancelled c -> {
                CallSpec spec = running.get(c.callId());
                yield new LogEntry(c.seq(), c.nanos(), c.actor(), "lab: " + c.how() + " wakes "
                        + (spec == null ? "the call" : spec.text()), "", "", -1, LogEntry.Kind.CANCELLED);
            }
            case Event.Note n -> new LogEntry(n.seq(), n.nanos(), "lab", n.text(), "", "", -1, LogEntry.Kind.NOTE);
            default -> null;
        };
    }
}
