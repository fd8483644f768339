package org.sockscope.scenario;

import org.sockscope.posix.Errno;
import org.sockscope.trace.RecordedSteps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where today's kernel did something else than the recorded one, step by step: whether the call
 * had returned, its return value or errno, whether the kernel put the thread to sleep, and each
 * kernel figure the step's expectations name. Times are left out: they differ in every run.
 */
public final class RecordingComparison {
    private RecordingComparison() {
    }

    /**
     * One difference.
     *
     * @param step     the step's number, from 1
     * @param process  who made the call
     * @param what     what differs ({@code returned}, {@code blocked}, {@code recv_queue conn.server})
     * @param recorded what the recorded kernel did
     * @param now      what this kernel did
     */
    public record Difference(int step, String process, String what, String recorded, String now) {
        @Override
        public String toString() {
            return "Step " + step + " · " + process + " · " + what + ": recorded " + recorded + ", now " + now;
        }
    }

    /** The differences between the steps {@code recorded} and {@code now} of {@code scenario}, in step order. */
    public static List<Difference> compare(Scenario scenario, RecordedSteps recorded, RecordedSteps now) {
        List<Difference> out = new ArrayList<>();
        int n = Math.max(recorded.steps().size(), now.steps().size());
        for (int i = 0; i < n; i++) {
            RecordedSteps.Entry r = i < recorded.steps().size() ? recorded.steps().get(i) : null;
            RecordedSteps.Entry c = i < now.steps().size() ? now.steps().get(i) : null;
            int index = r != null ? r.index() : c.index();
            String process = index < scenario.steps().size() ? scenario.steps().get(index).process() : "?";
            if (r == null || c == null) {
                out.add(new Difference(index + 1, process, "the step", r == null ? "not run" : "run", c == null ? "not run" : "run"));
                continue;
            }
            add(out, index, process, "returned", result(r), result(c));
            add(out, index, process, "blocked", r.blocked() ? "yes (the thread slept in the call)" : "no",
                    c.blocked() ? "yes (the thread slept in the call)" : "no");
            for (String key : new TreeSet<>(union(r.figures(), c.figures()))) {
                add(out, index, process, key, figure(r.figures().get(key)), figure(c.figures().get(key)));
            }
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static void add(List<Difference> out, int index, String process, String what, String recorded, String now) {
        if (!recorded.equals(now)) {
            out.add(new Difference(index + 1, process, what, recorded, now));
        }
    }

    /** {@code 100}, {@code -1 EAGAIN}, or {@code not yet (asleep in the kernel)} for a call that had not returned. */
    private static String result(RecordedSteps.Entry e) {
        if (!e.finished()) {
            return e.blocked() ? "not yet (asleep in the kernel)" : "not yet (still running)";
        }
        return e.errno() != 0 && e.ret() == -1 ? "-1 " + Errno.nameWithAlias(e.errno()) : Long.toString(e.ret());
    }

    private static String figure(Long v) {
        return v == null ? "not read" : org.sockscope.kernel.Figure.text(v);
    }

    /** The report: {@code No difference …} or one line per difference, under a line naming both kernels. */
    public static String report(List<Difference> diffs, String recordedKernel, String recordedAt, String nowKernel) {
        StringBuilder sb = new StringBuilder();
        sb.append("Compared with the recording made on ").append(recordedKernel).append(" (").append(recordedAt)
                .append("); now: ").append(nowKernel).append(System.lineSeparator());
        if (diffs.isEmpty()) {
            sb.append("No difference: every step returned the same, blocked or not the same, and read the same figures.")
                    .append(System.lineSeparator());
        }
        diffs.forEach(d -> sb.append("  ").append(d).append(System.lineSeparator()));
        return sb.toString();
    }
}
