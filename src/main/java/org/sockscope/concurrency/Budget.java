package org.sockscope.concurrency;

/**
 * What one run may use, checked before each process or thread it starts (never by exhausting the
 * machine): {@code memoryMb} of memory the run's processes may add to what they had at its start
 * (their resident sets, from {@code /proc/PID/status} VmRSS), {@code processes} processes in all,
 * {@code threads} threads in all (every process's, from {@code /proc/PID/status} Threads), and
 * {@code seconds} of wall time for the run.
 */
public record Budget(long memoryMb, int processes, int threads, int seconds) {
    /**
     * The default: 8 GiB (a third of this 24 GiB machine, shared with other builds), 64 processes,
     * 12,000 threads (the machine allows far more: {@code ulimit -u} 96369, threads-max 192739),
     * 600 s.
     */
    public static final Budget DEFAULT = new Budget(8192, 64, 12_000, 600);

    public Budget {
        if (memoryMb < 1 || processes < 2 || threads < 2 || seconds < 1) {
            throw new IllegalArgumentException("a budget needs at least 1 MB, 2 processes, 2 threads and 1 s: " + this);
        }
    }
}
