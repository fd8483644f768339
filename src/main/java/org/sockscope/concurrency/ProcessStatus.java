package org.sockscope.concurrency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's threads and peak resident memory, from {@code /proc/PID/status} ({@code Threads:},
 * {@code VmHWM:}); -1 for a figure that could not be read.
 */
record ProcessStatus(int pid, int threads, long peakRssKb, long rssKb) {

    /**
     * The time every thread of process {@code pid} has spent on a CPU (ns): the sum of the first
     * field of {@code /proc/PID/task/TID/schedstat}; -1 when unreadable.
     */
    static long cpuNanos(int pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    sum += Long.parseLong(Files.readString(t.resolve("schedstat")).strip().split(" ")[0]);
                } catch (IOException e) {
                    // a thread that ended meanwhile: its time is gone with it
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static ProcessStatus read(int pid) {
        int threads = -1;
        long hwm = -1;
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).strip());
                } else if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable: shown as such
        }
        return new ProcessStatus(pid, threads, hwm, rss);
    }
}
