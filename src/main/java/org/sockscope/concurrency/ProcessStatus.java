package org.sockscope.concurrency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's threads and peak resident memory, from {@code /proc/PID/status} ({@code Threads:},
 * {@code VmHWM:}); -1 for a figure that could not be read.
 */
record ProcessStatus(int pid, int threads, long peakRssKb) {

    static ProcessStatus read(int pid) {
        int threads = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).strip());
                } else if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable: shown as such
        }
        return new ProcessStatus(pid, threads, hwm);
    }
}
