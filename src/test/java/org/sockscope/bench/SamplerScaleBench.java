package org.sockscope.bench;

import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;

import java.util.Arrays;

/**
 * Benchmark (not a test): one pass of the kernel sampler over every socket of a lab holding
 * {@code N} connected loopback pairs (2·N sockets: 5000 pairs by default, as many sockets as one
 * side of a 10,000-connection run holds), timed by the sampler itself.
 * Prints the pass times. Run:
 * {@code ./mvnw -q test-compile exec:exec -Dbench=org.sockscope.bench.SamplerScaleBench}
 */
public final class SamplerScaleBench {
    private SamplerScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        try (Lab lab = new Lab(1)) {
            lab.sampler().pause(true); // no passes while the pairs are made
            long t0 = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            }
            System.out.printf("%d pairs (%d sockets) made in %.1f s%n", pairs, 2 * pairs, (System.nanoTime() - t0) / 1e9);
            lab.sampler().pause(false);
            int passes = 30;
            double[] ms = new double[passes];
            for (int i = 0; i < passes + 5; i++) {
                long[] before = lab.sampler().probeCost();
                lab.sampler().sampleNow();
                long[] after = lab.sampler().probeCost();
                if (i >= 5) { // the first passes warm the JIT up
                    ms[i - 5] = (after[1] - before[1]) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf("one pass over %d sockets: min %.1f ms, median %.1f ms, max %.1f ms (%d passes; %.2f µs a socket)%n",
                    2 * pairs, ms[0], ms[passes / 2], ms[passes - 1], passes, ms[passes / 2] * 1000 / (2 * pairs));
        }
    }
}
