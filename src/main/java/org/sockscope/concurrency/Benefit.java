package org.sockscope.concurrency;

import org.sockscope.lab.LabException;

import java.util.ArrayList;
import java.util.List;

/**
 * The experiment behind the lecture's "Which benefit is the most critical?" (A modular code, B
 * multi-core parallelism, C I/O overlapping, D other): the same thread-per-connection server on one
 * CPU and on every CPU, against the iterative server on one CPU, once with a slow client and once
 * with CPU-heavy requests, and {@link #RULE} decides from the figures.
 */
public final class Benefit {
    private Benefit() {
    }

    /** SockScope's rule, printed with the figures beside it. */
    public static final String RULE = """
            SockScope's rule: a benefit is critical for a workload when taking it away costs the most
            throughput. Thread per connection on every CPU has B and C; pinned to one CPU it keeps C
            (its threads still overlap their waits) and loses B; the iterative server on one CPU has
            neither. So B = requests/s(all CPUs) ÷ requests/s(one CPU) and C = requests/s(one CPU) ÷
            requests/s(iterative); the larger ratio names the critical benefit, and below 1.1 both
            count as none (D: something else bounds the run). A (modular code) is not a throughput
            figure: all three servers run the same serve() code, so measurements cannot decide it.""";

    /** One workload's three runs and the ratios. */
    public record Row(String workload, Results iterativeOneCpu, Results threadsOneCpu, Results threadsAllCpus) {
        /** B: what multi-core parallelism added. */
        public double b() {
            return threadsAllCpus.requestsPerSecond() / threadsOneCpu.requestsPerSecond();
        }

        /** C: what overlapping I/O added. */
        public double c() {
            return threadsOneCpu.requestsPerSecond() / iterativeOneCpu.requestsPerSecond();
        }

        /** The rule's answer for this workload. */
        public String verdict() {
            return Benefit.verdict(b(), c());
        }
    }

    /** {@link #RULE} applied to the two ratios. */
    static String verdict(double b, double c) {
        if (Math.max(b, c) < 1.1) {
            return "D (neither B nor C adds 10 %)";
        }
        return b > c ? "B, multi-core parallelism" : "C, I/O overlapping";
    }

    /** The two workloads of the experiment: a slow client; CPU-heavy requests. */
    public static List<Workload> workloads() {
        return List.of(new Workload(8, 5, 1000, 0, 1, 3000, 0), new Workload(4, 5, 1000, 0, 0, 0, 50));
    }

    /** Runs the experiment (real processes: pinning is per process); {@code progress} hears each run's name. */
    public static List<Row> run(java.util.function.Consumer<String> progress) throws LabException {
        List<Integer> one = List.of(0);
        List<Row> rows = new ArrayList<>();
        for (Workload w : workloads()) {
            String name = w.slowClients() > 0 ? "a slow client (" + w.clients() + " clients × " + w.requests() + ", one stalls ≤ "
                    + w.stallMillis() + " ms)" : "CPU-heavy requests (" + w.clients() + " clients × " + w.requests() + ", "
                    + w.cpuMillis() + " ms of CPU each)";
            progress.accept(name + ": iterative, one CPU");
            Results it = LabRun.run(Model.ITERATIVE, w, RunOptions.DEFAULTS.withServerCpus(one));
            progress.accept(name + ": thread per connection, one CPU");
            Results t1 = LabRun.run(Model.THREAD_PER_CONNECTION, w, RunOptions.DEFAULTS.withServerCpus(one));
            progress.accept(name + ": thread per connection, every CPU");
            Results tn = LabRun.run(Model.THREAD_PER_CONNECTION, w, RunOptions.DEFAULTS.withServerCpus(allCpus()));
            rows.add(new Row(name, it, t1, tn));
        }
        return rows;
    }

    /** The CPUs this process may run on (sched_getaffinity), which the "every CPU" run is pinned to. */
    static List<Integer> allCpus() {
        java.util.BitSet set = org.sockscope.posix.Libc.getAffinity(0);
        List<Integer> out = new ArrayList<>();
        if (set != null) {
            set.stream().forEach(out::add);
        }
        return out.isEmpty() ? List.of(0) : out;
    }

    /** The figures as a Markdown table, the rule after it. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| workload | iterative, 1 CPU | thread/conn, 1 CPU | thread/conn, CPUs "
                + allCpus() + " | B = all ÷ one | C = one ÷ iterative | critical benefit |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.workload()).append(" | ").append(rps(r.iterativeOneCpu())).append(" | ")
                    .append(rps(r.threadsOneCpu())).append(" | ").append(rps(r.threadsAllCpus())).append(" | ")
                    .append(String.format("%.2f", r.b())).append(" | ").append(String.format("%.2f", r.c())).append(" | ")
                    .append(r.verdict()).append(" |\n");
        }
        sb.append("\nrequests/s: derived (exchanges completed ÷ the run's wall time); each server process pinned with"
                + " sched_setaffinity (syscall) to the CPUs named; server CPU time (kernel, schedstat):");
        for (Row r : rows) {
            sb.append("\n- ").append(r.workload()).append(": ").append(cpu(r.iterativeOneCpu())).append(", ")
                    .append(cpu(r.threadsOneCpu())).append(", ").append(cpu(r.threadsAllCpus()));
        }
        return sb.append("\n\n").append(RULE).append('\n').toString();
    }

    private static String rps(Results r) {
        return String.format("%.0f", r.requestsPerSecond()) + (r.notes().stopped().isEmpty() ? "" : " (stopped early)");
    }

    private static String cpu(Results r) {
        return r.serverCpuNanos() < 0 ? "unreadable" : String.format("%.0f%% of the run", 100.0 * r.serverCpuNanos() / r.wallNanos());
    }
}
