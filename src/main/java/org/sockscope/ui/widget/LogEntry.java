package org.sockscope.ui.widget;

/**
 * One line of the call log, strace-like.
 *
 * @param seq           the trace index of the event
 * @param nanos         when (trace clock)
 * @param process       who made the call ({@code P2}), or {@code lab}
 * @param call          the call as C, or the note's text
 * @param ret           the return value as text, empty for lines without one
 * @param errno         the errno name when the call failed, else empty
 * @param durationNanos how long the call took, -1 when not applicable
 * @param kind          what kind of line
 */
public record LogEntry(long seq, long nanos, String process, String call, String ret, String errno,
                       long durationNanos, Kind kind) {

    /** What a log line records. */
    public enum Kind {
        /** A call returned a value. */
        RETURNED,
        /** A call returned -1. */
        FAILED,
        /** The kernel reported the call asleep (strace's {@code <unfinished ...>}). */
        BLOCKED,
        /** The lab woke a blocked call from outside. */
        CANCELLED,
        /** A note from the lab. */
        NOTE
    }

    /** Seconds since the trace began, to the microsecond ({@code 12.345678}). */
    public String time() {
        return String.format("%d.%06d", nanos / 1_000_000_000L, (nanos / 1000) % 1_000_000);
    }

    /** Duration as strace's {@code -T} prints it ({@code 0.000012}), empty when not applicable. */
    public String duration() {
        return durationNanos < 0 ? "" : String.format("%d.%06d", durationNanos / 1_000_000_000L, (durationNanos / 1000) % 1_000_000);
    }

    /** The line as text, strace-like: {@code 12.345678 P2 recv(6, r_buf, 200, 0) = 100 <0.812345>}. */
    public String straceLine() {
        String head = time() + " " + process + "  ";
        return switch (kind) {
            case RETURNED, FAILED -> head + call + " = " + ret + " <" + duration() + ">";
            case BLOCKED -> head + call + " <unfinished ...> " + ret;
            case CANCELLED -> head + "--- " + call + " ---";
            case NOTE -> head + "# " + call;
        };
    }
}
