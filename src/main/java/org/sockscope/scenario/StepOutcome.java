package org.sockscope.scenario;

/**
 * What the kernel did with one step's call, as the runner observed it: the input to expectations
 * and to {@link QuestionRules}.
 *
 * @param finished   true when the call has returned; false while it is still blocked (or looping)
 * @param ret        the return value (meaningless while not finished)
 * @param errno      errno when {@code ret == -1}, else 0
 * @param blocked    true when the kernel put the thread to sleep inside the call (for a repeated
 *                   step: inside any of its calls)
 * @param requested  the length argument the call asked for (0 for calls without one)
 * @param calls      how many times the call was made (1 unless the step repeats)
 * @param cpuNanos   CPU time the thread used during the step, or 0 when not measured
 * @param waitNanos  time the thread was runnable but waiting for a CPU (other work had it), or 0
 * @param wallNanos  wall time the step took (so far), or 0 when not measured
 * @param total      the bytes the step's calls moved in all (a loop's sum), or -1 for a call that
 *                   moves none (accept, select…) or has not finished
 * @param stop       why the step's call or loop ended ({@code RETURNED} for one call)
 * @param figures    kernel figures read when the step settled, by {@link OutcomePattern.Figure#key}:
 *                   {@code recv_queue conn.server} → SIOCINQ, … (negative: unreadable, {@link
 *                   org.sockscope.kernel.Figure}); only those the step's expectations name
 */
public record StepOutcome(boolean finished, long ret, int errno, boolean blocked, long requested,
                          long calls, long cpuNanos, long waitNanos, long wallNanos, long total,
                          org.sockscope.trace.CallOutcome.Stop stop, java.util.Map<String, Long> figures) {

    public StepOutcome {
        figures = java.util.Map.copyOf(figures);
    }

    private static final org.sockscope.trace.CallOutcome.Stop ONE = org.sockscope.trace.CallOutcome.Stop.RETURNED;

    /** A call that returned {@code ret} (0 or more). */
    public static StepOutcome returned(long ret, long requested, boolean blocked) {
        return new StepOutcome(true, ret, 0, blocked, requested, 1, 0, 0, 0, -1, ONE, java.util.Map.of());
    }

    /** A call that returned -1 with {@code errno}. */
    public static StepOutcome failed(int errno, long requested, boolean blocked) {
        return new StepOutcome(true, -1, errno, blocked, requested, 1, 0, 0, 0, -1, ONE, java.util.Map.of());
    }

    /** A call still asleep in the kernel. */
    public static StepOutcome pending(long requested) {
        return new StepOutcome(false, 0, 0, true, requested, 1, 0, 0, 0, -1, ONE, java.util.Map.of());
    }

    /** The same outcome with CPU and wall time measured over {@code calls} calls. */
    public StepOutcome measured(long calls, long cpuNanos, long wallNanos) {
        return measured(calls, cpuNanos, 0, wallNanos);
    }

    /** The same outcome with CPU time, run-queue wait and wall time measured over {@code calls} calls. */
    public StepOutcome measured(long calls, long cpuNanos, long waitNanos, long wallNanos) {
        return new StepOutcome(finished, ret, errno, blocked, requested, calls, cpuNanos, waitNanos, wallNanos, total, stop, figures);
    }

    /** The same outcome with these kernel figures read when the step settled. */
    public StepOutcome withFigures(java.util.Map<String, Long> read) {
        return new StepOutcome(finished, ret, errno, blocked, requested, calls, cpuNanos, waitNanos, wallNanos, total, stop, read);
    }

    /** The same outcome with the bytes moved in all ({@code -1}: none) and why it ended. */
    public StepOutcome ended(long total, org.sockscope.trace.CallOutcome.Stop stop) {
        return new StepOutcome(finished, ret, errno, blocked, requested, calls, cpuNanos, waitNanos, wallNanos, total, stop, figures);
    }

    /** {@code 0.2 ms}, or {@code unknown} for a figure that could not be read (-1). */
    public static String millis(long nanos) {
        return nanos < 0 ? "unknown" : String.format("%.1f ms", nanos / 1e6);
    }

    /** True when the call returned -1. */
    public boolean failed() {
        return finished && ret == -1;
    }
}
