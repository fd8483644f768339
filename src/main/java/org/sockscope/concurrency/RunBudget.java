package org.sockscope.concurrency;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A run's {@link Budget}, checked before the server starts each connection's thread or process:
 * what the run's processes use now is read from the kernel ({@code /proc/PID/status}: VmRSS,
 * Threads), the cost of one more is what each one so far cost on average (derived), and a start
 * that would go past the budget is not made: the run stops there and says where, why, and what
 * the rest would have cost.
 */
final class RunBudget {
    /** The budget was reached: the server stops; the message says where, why and what the rest would cost. */
    static final class Reached extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Reached(String message) {
            super(message);
        }
    }

    private final Budget budget;
    private final List<Integer> pids = new CopyOnWriteArrayList<>();
    private final long startNanos;
    private final long rssAtStartKb;
    private final int threadsAtStart;

    RunBudget(Budget budget, List<Integer> pids) {
        this.budget = budget;
        this.pids.addAll(pids.stream().distinct().toList());
        this.startNanos = System.nanoTime();
        long[] now = usage();
        this.rssAtStartKb = now[0];
        this.threadsAtStart = (int) now[1];
    }

    /** A process the run started (a connection's process): its memory and threads count from now on. */
    void started(int pid) {
        if (pid > 0 && !pids.contains(pid)) {
            pids.add(pid);
        }
    }

    /** Processes the run has now. */
    int processes() {
        return pids.size();
    }

    /**
     * Checks before the server starts the thread or process of connection {@code k} (0-based) of
     * {@code total}; throws {@link Reached} when it would go past the budget.
     */
    void beforeStart(String what, int k, int total, boolean process) throws Reached {
        long[] now = usage();
        long rssKb = now[0];
        long threads = now[1];
        double perOneKb = k == 0 ? 0 : Math.max(0, rssKb - rssAtStartKb) / (double) k;
        double perOneThreads = k == 0 ? 1 : Math.max(1, (threads - threadsAtStart) / (double) k);
        long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String why = null;
        if (process && processes() + 1 > budget.processes()) {
            why = "processes would be " + (processes() + 1) + ", over the budget's " + budget.processes();
        } else if (threads + (long) Math.ceil(perOneThreads) > budget.threads()) {
            why = "threads would be " + (threads + (long) Math.ceil(perOneThreads)) + " (kernel: /proc/PID/status Threads, summed), over the budget's "
                    + budget.threads();
        } else if ((rssKb - rssAtStartKb + perOneKb) / 1024 > budget.memoryMb()) {
            why = "memory would grow by " + Math.round((rssKb - rssAtStartKb + perOneKb) / 1024) + " MB (kernel: VmRSS, summed), over the budget's "
                    + budget.memoryMb() + " MB";
        } else if (seconds >= budget.seconds()) {
            why = "the run has taken " + seconds + " s, the budget's " + budget.seconds() + " s";
        }
        if (why == null) {
            return;
        }
        int rest = total - k;
        throw new Reached("budget reached before " + what + " (connection " + (k + 1) + " of " + total + "): " + why
                + ". " + k + " started so far cost " + Math.round((rssKb - rssAtStartKb) / 1024.0) + " MB and " + (threads - threadsAtStart)
                + " threads (" + Math.round(perOneKb) + " KB and " + String.format("%.1f", perOneThreads)
                + " threads each, derived); the other " + rest + " would have cost about " + Math.round(rest * perOneKb / 1024)
                + " MB and " + Math.round(rest * perOneThreads) + " threads more");
    }

    /** Resident memory (KB) and threads of every process of the run, summed; a process gone counts 0. */
    private long[] usage() {
        long rss = 0;
        long threads = 0;
        for (int pid : pids) {
            ProcessStatus s = ProcessStatus.read(pid);
            rss += Math.max(0, s.rssKb());
            threads += Math.max(0, s.threads());
        }
        return new long[] {rss, threads};
    }
}
