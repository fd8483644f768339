package org.sockscope.concurrency;

/**
 * How one run is made, besides its workload: {@code fdFloor}, when above 0, makes the server open
 * descriptors ({@code dup()} of the listener) until the lowest free number is at least that, so its
 * connections get numbers from there on (select()'s FD_SETSIZE); {@code recording}: every call and
 * kernel reading goes into the trace (off: the calls are made and measured the same way, and
 * nothing is kept), to measure what observing costs; {@code serverCpus}, when not null, pins the
 * server's threads to those CPUs ({@code sched_setaffinity}); {@code budget} is what the run may use.
 */
public record RunOptions(int fdFloor, boolean recording, java.util.List<Integer> serverCpus, Budget budget) {
    /** No floor, recording on, no pinning, the default budget. */
    public static final RunOptions DEFAULTS = new RunOptions(0, true, null, Budget.DEFAULT);

    public RunOptions {
        if (fdFloor < 0 || fdFloor > 65_536) {
            throw new IllegalArgumentException("descriptor floor is " + fdFloor + ", outside 0..65536");
        }
        serverCpus = serverCpus == null ? null : java.util.List.copyOf(serverCpus);
        java.util.Objects.requireNonNull(budget, "budget");
    }

    /** These options with descriptor floor {@code n}. */
    public RunOptions withFdFloor(int n) {
        return new RunOptions(n, recording, serverCpus, budget);
    }

    /** These options with recording on or off. */
    public RunOptions withRecording(boolean on) {
        return new RunOptions(fdFloor, on, serverCpus, budget);
    }

    /** These options with the server pinned to {@code cpus} (null: not pinned). */
    public RunOptions withServerCpus(java.util.List<Integer> cpus) {
        return new RunOptions(fdFloor, recording, cpus, budget);
    }

    /** These options with budget {@code b}. */
    public RunOptions withBudget(Budget b) {
        return new RunOptions(fdFloor, recording, serverCpus, b);
    }
}
