package org.sockscope.bench.ui;

import java.util.Arrays;

/** A bounded array of long samples with percentiles, printed as a Markdown table row. */
final class Samples {
    private final long[] values;
    private int size;

    Samples(int capacity) {
        values = new long[capacity];
    }

    void add(long v) {
        if (size < values.length) {
            values[size++] = v;
        }
    }

    int size() {
        return size;
    }

    /** Prints {@code | name | n | median | p99 | max | target |} with values divided by {@code unit}. */
    void row(String name, double unit, String target) {
        if (size == 0) {
            System.out.printf("| %s | 0 | – | – | – | %s |%n", name, target);
            return;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %s |%n", name, size, pct(sorted, 0.5) / unit,
                pct(sorted, 0.99) / unit, sorted[size - 1] / unit, target);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }
}
