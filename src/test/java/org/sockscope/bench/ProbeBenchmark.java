package org.sockscope.bench;

import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark (not a test): the cost of one full probe of one socket (3 ioctls, 2 getsockopts, F_GETFL,
 * TCP_INFO) next to one read of /proc/net/tcp6, in the same run. Prints a table.
 * Run: {@code ./mvnw -q test-compile exec:exec -Dbench=org.sockscope.bench.ProbeBenchmark}
 */
public final class ProbeBenchmark {
    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = 200;
        int perBatch = 1000;
        try (Lab lab = new Lab(1)) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
            int fd = c.clientFd();
            long sink = 0;
            for (int i = 0; i < 50_000; i++) { // warm-up: let the JIT compile the downcalls
                sink += SocketProbe.probe(fd).sndbuf();
            }
            double[] probeMicros = new double[batches];
            for (int b = 0; b < batches; b++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    SocketFigures f = SocketProbe.probe(fd);
                    sink += f.inq();
                }
                probeMicros[b] = (System.nanoTime() - t0) / 1000.0 / perBatch;
            }
            int procRuns = 200;
            double[] procMicros = new double[procRuns];
            for (int i = 0; i < 20; i++) {
                sink += readProc();
            }
            for (int i = 0; i < procRuns; i++) {
                long t0 = System.nanoTime();
                sink += readProc();
                procMicros[i] = (System.nanoTime() - t0) / 1000.0;
            }
            Arrays.sort(probeMicros);
            Arrays.sort(procMicros);
            double pm = probeMicros[batches / 2];
            double rm = procMicros[procRuns / 2];
            System.out.printf("%-56s %12s %12s %10s%n", "operation", "median µs", "p99 µs", "runs");
            System.out.printf("%-56s %12.2f %12.2f %10d%n", "full socket probe (3 ioctl + 2 getsockopt + F_GETFL + TCP_INFO)",
                    pm, probeMicros[(int) (batches * 0.99)], batches * perBatch);
            System.out.printf("%-56s %12.1f %12.1f %10d%n", "read /proc/net/tcp6 once", rm, procMicros[(int) (procRuns * 0.99)], procRuns);
            System.out.printf("ratio (median /proc/net/tcp6 ÷ median probe): %.0f×   (checksum %d)%n", rm / pm, sink & 1);
        }
    }

    private static long readProc() {
        try {
            return Files.readAllBytes(Path.of("/proc/net/tcp6")).length;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
