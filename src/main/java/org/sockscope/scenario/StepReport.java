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

    /** True when the call is still asleep in the kernel (or still looping). */
    public boolean pending() {
        return !outcome.finished();
    }
}
