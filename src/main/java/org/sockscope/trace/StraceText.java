package org.sockscope.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The call log as {@code strace -f -r -T} would print it: per call, the thread's kernel id, the
 * time since the trace began, the call as C, {@code = } its return ({@code -1 EAGAIN (Resource
 * temporarily unavailable)}) and {@code <seconds>} in the kernel. A call another thread's line
 * interrupts is split as strace splits it: {@code <unfinished ...>}, later {@code <... recv resumed>}.
 * A header line says where and when the run was recorded.
 */
public final class StraceText {
    private StraceText() {
    }

    private record Open(Event.CallStarted start, boolean[] printed) {
    }

    /** The text of {@code r}'s calls, one line each, after a comment line naming the recording. */
    public static String of(Recording r) {
        List<Event> events = r.trace().events();
        Tracks tracks = new Tracks(events);
        StringBuilder sb = new StringBuilder();
        RecordingHeader h = r.header();
        sb.append("# SockScope ").append(h.sockscopeVersion()).append(", recorded on ").append(h.where())
                .append(h.scenario().isEmpty() ? "" : ", scenario " + h.scenario())
                .append("; columns: tid, seconds since the start, the call, its return, <seconds in the kernel>\n");
        Map<Long, Open> open = new LinkedHashMap<>();
        for (Event e : events) {
            switch (e) {
                case Event.CallStarted s -> {
                    open.put(s.callId(), new Open(s, new boolean[1]));
                }
                case Event.CallBlocked b -> {
                    Open o = open.get(b.callId());
                    if (o != null && !o.printed()[0]) {
                        unfinished(sb, tracks, o);
                    }
                }
                case Event.CallReturned ret -> {
                    Open mine = open.remove(ret.callId());
                    // Other threads are inside calls whose start is not printed yet: strace prints them as unfinished first.
                    for (Open other : open.values()) {
                        if (!other.printed()[0]) {
                            unfinished(sb, tracks, other);
                        }
                    }
                    String ending = " = " + ret.outcome().logText() + String.format(Locale.ROOT, " <%.6f>",
                            ret.outcome().durationNanos() / 1e9);
                    if (mine != null && mine.printed()[0]) {
                        line(sb, tracks, ret.actor(), ret.nanos(), "<... " + ret.call().name() + " resumed>" + ending);
                    } else {
                        line(sb, tracks, ret.actor(), mine == null ? ret.nanos() : mine.start().nanos(), ret.call().text() + ending);
                    }
                }
                case Event.CallCancelled c -> line(sb, tracks, c.actor(), c.nanos(), "--- woken from outside: " + c.how() + " ---");
                default -> {
                }
            }
        }
        for (Open o : open.values()) { // still in the call when the recording ended
            if (!o.printed()[0]) {
                unfinished(sb, tracks, o);
            }
        }
        return sb.toString();
    }

    private static void unfinished(StringBuilder sb, Tracks tracks, Open o) {
        o.printed()[0] = true;
        line(sb, tracks, o.start().actor(), o.start().nanos(), o.start().call().text() + " <unfinished ...>");
    }

    private static void line(StringBuilder sb, Tracks tracks, String actor, long nanos, String text) {
        sb.append(String.format(Locale.ROOT, "%-7d %10.6f %s", tracks.tid(actor), nanos / 1e9, text)).append('\n');
    }
}
