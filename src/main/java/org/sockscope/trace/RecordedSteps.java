package org.sockscope.trace;

import java.util.List;
import java.util.Map;

/**
 * A scenario run's steps as its session reported them when the run was saved, so that a replay
 * shows them in the scenario view without running anything: each step's call with its descriptor
 * numbers and its outcome (return value, errno, whether the kernel put the thread to sleep, the
 * call meter's times and the kernel figures the step's expectations name), and which descriptor
 * each of the scenario's names stood for. Nothing here is worked out again on replay.
 *
 * @param steps one entry per step run, in order
 * @param names descriptor (process, number) → the scenario's name for it ({@code empty.client})
 */
public record RecordedSteps(List<Entry> steps, List<Name> names) {
    /** A recording without them (a playground run, or one saved before SockScope recorded them). */
    public static final RecordedSteps NONE = new RecordedSteps(List.of(), List.of());

    public RecordedSteps {
        steps = steps == null ? List.of() : List.copyOf(steps);
        names = names == null ? List.of() : List.copyOf(names);
    }

    /** True when the steps were recorded (not a name Jackson takes for a property). */
    public boolean recorded() {
        return !steps.isEmpty();
    }

    /**
     * One step as reported when saved; the fields are the session's report's (see
     * {@code org.sockscope.scenario.StepReport} and {@code StepOutcome}).
     *
     * @param index       the step's index in the scenario, from 0
     * @param callText    the call with its descriptor numbers
     * @param callId      the call's id in the trace
     * @param finished    the call had returned when saved
     * @param ret         its return value (when finished)
     * @param errno       errno when it failed, else 0
     * @param blocked     the kernel put the thread to sleep in it
     * @param requested   the length it asked for (0: none)
     * @param calls       how many calls the step made (a loop: more than one)
     * @param cpuNanos    on a CPU during the step
     * @param waitNanos   runnable, waiting for a CPU
     * @param wallNanos   wall time of the step
     * @param total       a loop's bytes in all, -1 for one call
     * @param stop        why the call or loop ended
     * @param figures     the kernel figures the expectations name, by key ({@code recv_queue conn.server})
     * @param syscall     while asleep: the system call the kernel named, else empty
     * @param wchan       while asleep: where in the kernel, else empty
     * @param data        what the call copied out or found ready, else empty
     * @param startedSeq  the trace index of the call's start in the recorded trace, -1 if none
     * @param returnedSeq the trace index of its return, -1 while it ran
     * @param notes       what the step's names held when it started, where not what they were bound to
     */
    public record Entry(int index, String callText, long callId, boolean finished, long ret, int errno, boolean blocked,
                        long requested, long calls, long cpuNanos, long waitNanos, long wallNanos, long total,
                        CallOutcome.Stop stop, Map<String, Long> figures, String syscall, String wchan, String data,
                        long startedSeq, long returnedSeq, List<String> notes) {
        public Entry {
            figures = figures == null ? Map.of() : Map.copyOf(figures);
            notes = notes == null ? List.of() : List.copyOf(notes);
            stop = stop == null ? CallOutcome.Stop.RETURNED : stop;
            callText = callText == null ? "" : callText;
            syscall = syscall == null ? "" : syscall;
            wchan = wchan == null ? "" : wchan;
            data = data == null ? "" : data;
        }
    }

    /**
     * A scenario name for a descriptor.
     *
     * @param process the table the descriptor is in
     * @param fd      its number there
     * @param name    the scenario's name for it
     */
    public record Name(String process, int fd, String name) {
    }
}
