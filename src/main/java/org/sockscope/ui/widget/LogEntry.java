package org.sockscope.ui.widget;

import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.CallSpec;

/**
 * One line of the call log, strace-like.
 *
 * @param seq           the trace index of the event
 * @param nanos         when (trace clock)
 * @param process       who made the call ({@code P2}), or {@code lab}
 * @param call          the call as C, or the note's text
 * @param ret           the return value as text, empty for lines without one
 * @param errno         the errno name when the call failed, else empty
 * @param durationNanos the call's own measurement ({@link CallOutcome#durationNanos()}: one call's time in the
 *                      kernel, a loop's wall time), -1 when not applicable or not measured
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

    /**
     * The line of a call that returned: its return (a loop's with how it ended) and what it copied;
     * a duration only when the call meter timed it ({@link CallSpec#metered()}), never a made-up 0.
     */
    public static LogEntry returned(long seq, long nanos, String actor, CallSpec call, CallOutcome o, String data) {
        String ret = o.logText() + (data.isEmpty() ? "" : "  [" + data + "]");
        return new LogEntry(seq, nanos, actor, call.text(), ret, o.errnoName(), call.metered() ? o.durationNanos() : -1,
                o.failed() ? Kind.FAILED : Kind.RETURNED);
    }

    /** The line of a call the sampler saw asleep: where ({@code syscall}, and {@code wchan} when it could read it). */
    public static LogEntry blocked(long seq, long nanos, String actor, String callText, String syscall, String wchan) {
        return new LogEntry(seq, nanos, actor, callText, "asleep in " + syscall + (wchan.isEmpty() ? "" : ", wchan " + wchan),
                "", -1, Kind.BLOCKED);
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
            case RETURNED, FAILED -> head + call + " = " + ret + (durationNanos < 0 ? "" : " <" + duration() + ">");
            case BLOCKED -> head + call + " <unfinished ...> " + ret;
            case CANCELLED -> head + "--- " + call + " ---";
            case NOTE -> head + "# " + call;
        };
    }
}
