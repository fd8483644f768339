package org.sockscope.cli;

import org.sockscope.concurrency.LabRun;
import org.sockscope.concurrency.Model;
import org.sockscope.concurrency.Results;
import org.sockscope.concurrency.Workload;
import org.sockscope.lab.LabException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sockscope lab --model NAME …} runs one of the lecture's server models on a workload and
 * prints its figures; {@code --compare} runs every model on the same workload, one table.
 */
@Command(name = "lab", usageHelpAutoWidth = true,
        description = "Run a server model (iterative, thread-per-connection, process-per-connection, work-queue, busy-polling, select, pool-of-loops, poll, epoll, pool-of-epoll-loops) against a load of clients on 127.0.0.1 and print what was measured.")
public final class LabCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--model", paramLabel = "NAME[,NAME…]", description = "One model, or several separated by commas (one table): iterative, thread-per-connection, process-per-connection, work-queue, busy-polling, select, pool-of-loops, poll, epoll or pool-of-epoll-loops.")
    private String model;

    @Option(names = "--compare", description = "Run every model on the same workload; print one table.")
    private boolean compare;

    @Option(names = "--clients", defaultValue = "10", description = "Clients, 1..10000 (default ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--requests", defaultValue = "10", description = "Request/response exchanges per client (default ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--size", defaultValue = "1000", description = "Bytes per request and per response (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--think-ms", defaultValue = "0", description = "A client's pause between its requests (default ${DEFAULT-VALUE}).")
    private int think;

    @Option(names = "--slow", defaultValue = "0", description = "Slow clients: they send half a request, then stall (default ${DEFAULT-VALUE}).")
    private int slow;

    @Option(names = "--stall-ms", defaultValue = "2000", description = "A slow client's stall at most, ended early when the others are done (default ${DEFAULT-VALUE}).")
    private int stall;

    @Option(names = "--cpu-ms", defaultValue = "0", description = "CPU work the server does for each request, on its thread (default ${DEFAULT-VALUE}).")
    private int cpu;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV (figure, one column per model, source).")
    private java.nio.file.Path csv;

    @Option(names = "--fd-floor", defaultValue = "0", paramLabel = "N", description = "The server dup()s its listener until the lowest free descriptor is N, so its connections are numbered N and up (1024: past select()'s FD_SETSIZE).")
    private int fdFloor;

    @Option(names = "--benefit", description = "The 'Which benefit is the most critical?' experiment: thread per connection on one CPU and on every CPU against the iterative server, with a slow client and with CPU-heavy requests; prints SockScope's rule beside the figures.")
    private boolean benefit;

    @Option(names = "--overhead", description = "Run each model twice, kernel readings on and off, and print the throughput ratio.")
    private boolean overhead;

    @Option(names = "--load-loops", defaultValue = "-1", paramLabel = "N", description = "The load's clients driven by N epoll loops (0: a thread per client; default: 4 loops past 100 clients).")
    private int loadLoops;

    @Option(names = "--series", paramLabel = "FILE", description = "Also write every accept-queue reading as CSV (model, ms since the run started, queue, backlog).")
    private java.nio.file.Path series;

    private final PrintStream out;
    private final PrintStream err;

    LabCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (benefit) {
            if (!RunCommand.live("sockscope lab", err)) {
                return Cli.BAD_INPUT;
            }
            try {
                out.print(org.sockscope.concurrency.Benefit.table(org.sockscope.concurrency.Benefit.run(p -> err.println("… " + p))));
                return 0;
            } catch (LabException | RuntimeException e) {
                err.println("sockscope lab: " + e.getMessage());
                return 1;
            }
        }
        if (compare == (model != null)) {
            err.println("sockscope lab: give --model NAME or --compare (models: " + names() + ")");
            return Cli.BAD_INPUT;
        }
        if (!RunCommand.live("sockscope lab", err)) {
            return Cli.BAD_INPUT;
        }
        Workload load;
        List<Model> models;
        org.sockscope.concurrency.RunOptions options;
        try {
            load = new Workload(clients, requests, size, think, slow, stall, cpu);
            options = org.sockscope.concurrency.RunOptions.DEFAULTS.withFdFloor(fdFloor).withLoadLoops(loadLoops);
            models = compare ? Arrays.asList(Model.values()) : Arrays.stream(model.split(",")).map(String::strip).map(Model::of).toList();
        } catch (IllegalArgumentException e) {
            err.println("sockscope lab: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
        if (models.size() == 1) {
            out.println("Model: " + models.getFirst().id() + System.lineSeparator() + models.getFirst().code().indent(4));
        }
        out.println("Workload: " + clients + " clients × " + requests + " requests of " + size + " bytes, think " + think
                + " ms" + (slow > 0 ? ", " + slow + " slow (stall ≤ " + stall + " ms)" : "")
                + (cpu > 0 ? ", " + cpu + " ms of server CPU per request" : ""));
        List<Results> all = new ArrayList<>();
        List<Results> unobserved = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Model m = models.get(i);
            err.println("[" + (i + 1) + "/" + models.size() + "] " + m.id() + "…");
            try {
                all.add(LabRun.run(m, load, options));
                if (overhead) {
                    err.println("[" + (i + 1) + "/" + models.size() + "] " + m.id() + ", kernel readings off…");
                    unobserved.add(LabRun.run(m, load, options.withRecording(false)));
                }
            } catch (LabException | RuntimeException e) {
                err.println("sockscope lab: " + m.id() + ": " + e.getMessage());
                return 1;
            }
        }
        if (overhead) {
            out.println();
            out.print(overheadTable(all, unobserved));
        }
        out.println();
        out.print(table(all));
        if (csv != null) {
            try {
                java.nio.file.Files.writeString(csv, csv(all));
                out.println("(written as CSV: " + csv + ")");
            } catch (java.io.IOException e) {
                err.println("sockscope lab: could not write " + csv + ": " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
        if (series != null) {
            try {
                java.nio.file.Files.writeString(series, series(all));
                out.println("(accept-queue readings written as CSV: " + series + ")");
            } catch (java.io.IOException e) {
                err.println("sockscope lab: could not write " + series + ": " + e.getMessage());
                return Cli.BAD_INPUT;
            }
        }
        return 0;
    }

    /** Each model's throughput observed and unobserved, and the ratio (the goal: at least 0.9). */
    static String overheadTable(List<Results> observed, List<Results> unobserved) {
        StringBuilder sb = new StringBuilder("| model | requests/s, kernel readings on | requests/s, off | ratio on ÷ off | readings (samples × mean) |\n"
                + "|---|---:|---:|---:|---|\n");
        for (int i = 0; i < observed.size(); i++) {
            Results on = observed.get(i);
            Results off = unobserved.get(i);
            String readings = on.figures().stream().filter(f -> f.name().startsWith("kernel readings")).map(Results.Figure::value)
                    .findFirst().orElse("");
            sb.append("| ").append(on.model().id()).append(" | ").append(String.format("%.0f", on.requestsPerSecond())).append(" | ")
                    .append(String.format("%.0f", off.requestsPerSecond())).append(" | ")
                    .append(String.format("%.2f", on.requestsPerSecond() / off.requestsPerSecond())).append(" | ").append(readings).append(" |\n");
        }
        return sb.append("(requests/s: derived; each model's two runs one after the other on the same workload)\n").toString();
    }

    /** Every accept-queue reading of every run, as CSV: model, ms since the run started, queue, backlog (all kernel). */
    static String series(List<Results> all) {
        StringBuilder sb = new StringBuilder("model,t_ms,accept_queue,backlog\r\n");
        for (Results r : all) {
            for (var s : r.acceptQueue().samples()) {
                sb.append(r.model().id()).append(',').append(String.format(java.util.Locale.ROOT, "%.1f",
                        (s.atNanos() - r.acceptQueue().startNanos()) / 1e6)).append(',').append(s.queue()).append(',')
                        .append(s.backlog()).append("\r\n");
            }
        }
        return sb.toString();
    }

    /** The table as CSV (RFC 4180 quoting): figure, one column per model, source. */
    static String csv(List<Results> all) {
        StringBuilder sb = new StringBuilder("figure");
        all.forEach(r -> sb.append(',').append(quote(r.model().id())));
        sb.append(",source\r\n");
        List<List<Results.Figure>> columns = all.stream().map(Results::figures).toList();
        for (int row = 0; row < columns.getFirst().size(); row++) {
            sb.append(quote(columns.getFirst().get(row).name()));
            for (List<Results.Figure> c : columns) {
                sb.append(',').append(quote(c.get(row).value()));
            }
            sb.append(',').append(quote(columns.getFirst().get(row).source())).append("\r\n");
        }
        return sb.toString();
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** One row per figure, one column per model, then the figure's source. */
    static String table(List<Results> all) {
        StringBuilder sb = new StringBuilder("| figure |");
        all.forEach(r -> sb.append(' ').append(r.model().id()).append(" |"));
        sb.append(" source |\n|---|");
        all.forEach(r -> sb.append("---:|"));
        sb.append("---|\n");
        List<List<Results.Figure>> columns = all.stream().map(Results::figures).toList();
        for (int row = 0; row < columns.getFirst().size(); row++) {
            sb.append("| ").append(columns.getFirst().get(row).name()).append(" |");
            for (List<Results.Figure> c : columns) {
                sb.append(' ').append(c.get(row).value()).append(" |");
            }
            sb.append(' ').append(columns.getFirst().get(row).source()).append(" |\n");
        }
        return sb.toString();
    }

    private static String names() {
        return String.join(", ", Arrays.stream(Model.values()).map(Model::id).toList());
    }
}
