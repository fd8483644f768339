package org.sockscope.scenario;

import java.util.List;

/**
 * What one step did, as far as is known now.
 *
 * @param step        the step
 * @param callText    the call with its descriptor numbers ({@code recv(conn.server=6, r_buf, 200, 0)})
 * @param callId      the call's id in the trace
 * @param outcome     what the kernel did so far (a blocked call: not finished)
 * @param syscall     while blocked: the system call the kernel says the thread sleeps in, else empty
 * @param wchan       while blocked: where in the kernel it sleeps, else empty
 * @param data        what the call copied out or found ready, as the trace records it, else empty
 * @param traceIndex  index of the last trace event when the report was made
 * @param unmet       the step's expectations the outcome has settled against (a running call's
 *                    only those already decided, e.g. "blocks: false" once the kernel said it sleeps)
 * @param startedSeq  trace index of the call's start, -1 if not recorded (yet)
 * @param returnedSeq trace index of the call's return, -1 while it runs
 * @param notes       what the step's descriptor names held when it started, where that was not what
 *                    they were bound to ({@code sock holds fd 7, which now names a different socket…})
 */
public record StepReport(Step step, String callText, long callId, StepOutcome outcome, String syscall, String wchan,
                         String data, long traceIndex, List<OutcomePattern> unmet, long startedSeq, long returnedSeq,
                         List<String> notes) {

    public StepReport {
        unmet = List.copyOf(unmet);
        notes = List.copyOf(notes);
    }

    /**
     * What the step did, in words, for the app's evidence and the transcript alike:
     * {@code returned 100 of 200 asked, without blocking, 0.2 ms wall  [A×100]} or
     * {@code BLOCKED: asleep in recvfrom (wait_woken)}. The time is the whole entry's wall time
     * (CLOCK_MONOTONIC on the actor thread, SockScope's code around the call included).
     */
    public String describe() {
        StepOutcome o = outcome;
        StringBuilder sb = new StringBuilder();
        if (!o.finished()) {
            sb.append(o.blocked() ? "BLOCKED: asleep in " + (syscall.isEmpty() ? "the kernel" : syscall)
                    + (wchan.isEmpty() ? "" : " (" + wchan + ")") : "still running");
            if (step.repeat().isPresent()) {
                sb.append(", looping");
                loopFigures(sb, o);
            }
            return sb.toString();
        }
        boolean loop = o.stop() != org.sockscope.trace.CallOutcome.Stop.RETURNED;
        sb.append(loop ? "last call returned " : "returned ").append(o.failed() ? "-1 " + org.sockscope.posix.Errno.nameWithAlias(o.errno()) : Long.toString(o.ret()));
        if (o.requested() > 0 && !o.failed()) {
            sb.append(" of ").append(o.requested()).append(" asked");
        }
        sb.append(o.blocked() ? ", after blocking, " : ", without blocking, ").append(StepOutcome.millis(o.wallNanos())).append(" wall");
        loopFigures(sb, o);
        if (!data.isEmpty()) {
            sb.append("  [").append(data).append(']');
        }
        return sb.toString();
    }

    private static void loopFigures(StringBuilder sb, StepOutcome o) {
        if (o.calls() > 1) {
            sb.append(String.format(", %,d calls: on a CPU %s + waiting for one %s of %s", o.calls(),
                    StepOutcome.millis(o.cpuNanos()), StepOutcome.millis(o.waitNanos()), StepOutcome.millis(o.wallNanos())));
        }
        if (o.finished() && o.stop() != org.sockscope.trace.CallOutcome.Stop.RETURNED) {
            if (o.total() >= 0) {
                sb.append(String.format(", %,d bytes in all", o.total()));
            }
            sb.append(", stopped: ").append(OutcomePattern.Stopped.word(o.stop()));
        }
    }

    /** What each unmet expectation says about this outcome ({@link OutcomePattern#failure}), in order. */
    public List<String> failures() {
        return unmet.stream().map(p -> p.failure(outcome)).toList();
    }

    /** True when the call is still asleep in the kernel (or still looping). */
    public boolean pending() {
        return !outcome.finished();
    }
}
