package org.sockscope.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, each with its source: {@code kernel} (read from the kernel),
 * {@code syscall} (what the calls measured themselves) or {@code derived} (and how).
 */
public record Results(Model model, Workload load, long wallNanos, LoadClients.Done clients, Calls.Sums server,
                      int peakConnections,
                      ProcessStatus status, long serverCpuNanos, boolean threadsWorld, AcceptQueue.Series acceptQueue,
                      Notes notes) {

    /**
     * What the run set up and how it ended: each process's RLIMIT_NOFILE before and after it was
     * raised ({@code was 1024/20000 now 20000/20000}), why the server stopped early (empty: it
     * served every client), and the options it ran with.
     */
    public record Notes(String serverNoFile, String loadNoFile, String stopped, RunOptions options,
                        java.util.Map<String, int[]> probes) {
    }

    /** One row of the table. */
    public record Figure(String name, String value, String source) {
    }

    /** The request latencies, sorted (ns). */
    private long[] latencies() {
        return clients.requests().stream().mapToLong(LoadClients.Request::latencyNanos).sorted().toArray();
    }

    /** The {@code q}-quantile of the request latencies (nearest rank), in ms. */
    double latencyMillis(double q) {
        long[] l = latencies();
        return l.length == 0 ? Double.NaN : l[Math.min(l.length - 1, (int) Math.ceil(q * l.length) - 1)] / 1e6;
    }

    /** Completed exchanges per second of the whole run. */
    public double requestsPerSecond() {
        return clients.requests().size() / (wallNanos / 1e9);
    }

    /** Every figure, in table order. */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        int loops = notes.options().loopsFor(load.clients());
        String stamps = loops == 0 ? "derived: the clients' CLOCK_MONOTONIC stamps around each request, SockScope's hand-off to the actor included"
                : "derived: CLOCK_MONOTONIC stamps around each request, taken in the load's epoll loops (no hand-off in them)"
                + (load.slowClients() > 0 ? " and, for the slow clients, by their drivers (hand-off included)" : "");
        out.add(new Figure("requests served", clients.requests().size() + " of " + load.totalRequests(), "derived: count of exchanges completed"));
        out.add(new Figure("requests/s", String.format("%.0f", requestsPerSecond()), "derived: requests ÷ the run's wall time"));
        out.add(new Figure("latency p50", String.format("%.2f ms", latencyMillis(0.5)), stamps));
        out.add(new Figure("latency p99", String.format("%.2f ms", latencyMillis(0.99)), stamps));
        out.add(new Figure("latency max", String.format("%.2f ms", latencyMillis(1)), stamps));
        if (load.slowClients() > 0) {
            out.add(new Figure("others done before the stall ended", clients.stallTimedOut() ? "no (the stall ran to its limit)"
                    : "yes", "derived: order of the clients' stamps"));
        }
        out.add(new Figure("server connections open at once, peak", Integer.toString(peakConnections),
                "derived: connections the server's accept() returned and it had not closed yet, at most"));
        out.add(new Figure("load driven by", loops == 0 ? "a thread per client" : loops + " epoll loops"
                + (load.slowClients() > 0 ? ", the slow clients a thread each" : ""),
                "derived: how the load process makes its clients' calls (lab actors; a loop is one client_loop call)"));
        String where = threadsWorld ? " (the processes are threads of SockScope's JVM: its figures)" : "";
        out.add(new Figure("server processes", Long.toString(server.processes.sum()),
                "derived: the processes that made the server's calls (the server and those it spawned)"));
        out.add(new Figure("server threads", text(status.threads()), "kernel: /proc/PID/status Threads of the server's first process" + where));
        out.add(new Figure("server peak RSS", status.peakRssKb() < 0 ? "unreadable" : status.peakRssKb() / 1024 + " MB",
                "kernel: /proc/PID/status VmHWM of the server's first process" + where));
        out.add(new Figure("server system calls", Long.toString(server.calls.sum()), "syscall: counted by each call, in every server process"));
        out.add(new Figure("server voluntary switches", Long.toString(server.voluntary.sum()),
                "syscall: getrusage(RUSAGE_THREAD) ru_nvcsw around each call, summed"));
        out.add(new Figure("server involuntary switches", Long.toString(server.involuntary.sum()),
                "syscall: ru_nivcsw around each call, summed"));
        out.add(new Figure("server process CPU time", serverCpuNanos < 0 ? "unreadable" : String.format("%.0f ms (%.0f%% of the run)",
                serverCpuNanos / 1e6, 100.0 * serverCpuNanos / wallNanos), "kernel: /proc/PID/task/*/schedstat of the server's"
                + " first process, summed, over the run (its JVM's own threads included)" + where));
        out.add(new Figure("server CPU in its calls", String.format("%.1f ms", server.cpuNanos.sum() / 1e6),
                "syscall: CLOCK_THREAD_CPUTIME_ID around each call, summed"));
        String readings = acceptQueue.samples().size() + " readings, a " + AcceptQueue.PERIOD_MILLIS + " ms pause between two"
                + (acceptQueue.problem().isEmpty() ? "" : "; ended early: " + acceptQueue.problem());
        out.add(new Figure("listener accept queue, peak", acceptQueue.peak() < 0 ? "unread"
                : acceptQueue.peak() + " (backlog " + acceptQueue.backlog() + ")",
                "kernel: getsockopt(TCP_INFO) on the listener, tcpi_unacked (tcpi_sacked: the backlog), " + readings));
        out.add(new Figure("listener accept queue over the run", acceptQueue.sketch(12),
                "kernel: tcpi_unacked, at most 12 of the readings, evenly spaced (all of them with --series)"));
        out.add(new Figure("RLIMIT_NOFILE (soft/hard), server; load", notes.serverNoFile() + "; " + notes.loadNoFile(),
                "syscall: getrlimit(RLIMIT_NOFILE), setrlimit() with the soft limit raised to the hard one, getrlimit() again,"
                        + " in each process at the start of the run"));
        StringBuilder probes = new StringBuilder();
        notes.probes().forEach((p, c) -> probes.append(probes.isEmpty() ? "" : "; ").append(p).append(' ').append(c[0])
                .append(" × ").append(String.format("%.2f ms", c[1] / 1000.0)));
        out.add(new Figure("kernel readings (samples × mean time each)", !notes.options().recording() ? "off (observation off)"
                : probes.isEmpty() ? "none" : probes.toString(),
                "derived: each process's sampler timed its own passes over its sockets and pipes (CLOCK_MONOTONIC)"));
        out.add(new Figure("run stopped early", notes.stopped().isEmpty() ? "no" : notes.stopped(),
                "derived: the server's first failed or refused call, or the budget it reached (the error as the kernel or the lab gave it)"));
        StringBuilder errors = new StringBuilder();
        for (Map.Entry<String, java.util.concurrent.atomic.LongAdder> e : server.errors.entrySet()) {
            errors.append(errors.isEmpty() ? "" : ", ").append(e.getKey()).append(" ×").append(e.getValue().sum());
        }
        out.add(new Figure("server errors", errors.isEmpty() ? "none" : errors.toString(), "syscall: return values and errno"));
        return out;
    }

    private static String text(long v) {
        return v < 0 ? "unreadable" : Long.toString(v);
    }

    /** The figures as a Markdown table. */
    public String table() {
        StringBuilder sb = new StringBuilder("| " + model.id() + " | value | source |\n|---|---:|---|\n");
        for (Figure f : figures()) {
            sb.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ").append(f.source()).append(" |\n");
        }
        return sb.toString();
    }
}
