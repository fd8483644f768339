package org.sockscope.concurrency;

/**
 * How one run is made, besides its workload: {@code fdFloor}, when above 0, makes the server open
 * descriptors ({@code dup()} of the listener) until the lowest free number is at least that, so its
 * connections get numbers from there on (select()'s FD_SETSIZE); {@code recording}: every call and
 * kernel reading goes into the trace (off: the calls are made and measured the same way, and
 * nothing is kept), to measure what observing costs; {@code serverCpus}, when not null, pins the
 * server's threads to those CPUs ({@code sched_setaffinity}); {@code budget} is what the run may use; {@code loadLoops}: how the
 * load process drives its clients, 0 a thread (lab actor) per client, N that many threads each
 * running an epoll loop over its share of them ({@code client_loop}), -1 {@link #AUTO_LOOPS} loops
 * past {@link #AUTO_LOOPS_ABOVE} clients and a thread per client up to there.
 */
public record RunOptions(int fdFloor, boolean recording, java.util.List<Integer> serverCpus, Budget budget, int loadLoops) {
    /** Loops the load runs with by default past {@link #AUTO_LOOPS_ABOVE} clients. */
    public static final int AUTO_LOOPS = 4;
    /** Up to this many clients, a thread each by default. */
    public static final int AUTO_LOOPS_ABOVE = 100;
    /** No floor, recording on, no pinning, the default budget, the load's loops chosen by its size. */
    public static final RunOptions DEFAULTS = new RunOptions(0, true, null, Budget.DEFAULT, -1);

    public RunOptions {
        if (fdFloor < 0 || fdFloor > 65_536) {
            throw new IllegalArgumentException("descriptor floor is " + fdFloor + ", outside 0..65536");
        }
        serverCpus = serverCpus == null ? null : java.util.List.copyOf(serverCpus);
        java.util.Objects.requireNonNull(budget, "budget");
        if (loadLoops < -1 || loadLoops > 64) {
            throw new IllegalArgumentException("load loops is " + loadLoops + ", outside -1..64");
        }
    }

    /** How many epoll loops drive {@code clients} clients (0: a thread each). */
    public int loopsFor(int clients) {
        return loadLoops >= 0 ? Math.min(loadLoops, clients) : clients > AUTO_LOOPS_ABOVE ? AUTO_LOOPS : 0;
    }

    /** These options with {@code n} load loops (0: a thread per client; -1: by the load's size). */
    public RunOptions withLoadLoops(int n) {
        return new RunOptions(fdFloor, recording, serverCpus, budget, n);
    }

    /** These options with descriptor floor {@code n}. */
    public RunOptions withFdFloor(int n) {
        return new RunOptions(n, recording, serverCpus, budget, loadLoops);
    }

    /** These options with recording on or off. */
    public RunOptions withRecording(boolean on) {
        return new RunOptions(fdFloor, on, serverCpus, budget, loadLoops);
    }

    /** These options with the server pinned to {@code cpus} (null: not pinned). */
    public RunOptions withServerCpus(java.util.List<Integer> cpus) {
        return new RunOptions(fdFloor, recording, cpus, budget, loadLoops);
    }

    /** These options with budget {@code b}. */
    public RunOptions withBudget(Budget b) {
        return new RunOptions(fdFloor, recording, serverCpus, b, loadLoops);
    }
}
