package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thread's kernel state from {@code /proc/<pid>/task/<tid>/{stat,wchan,syscall}}. Java's
 * {@code Thread.getState()} says RUNNABLE for a thread asleep in a system call; this is the truth.
 */
public final class ThreadProbe {
    private ThreadProbe() {
    }

    private static final LinuxAbi.Arch ARCH = LinuxAbi.currentArch().orElse(LinuxAbi.Arch.X86_64);

    /** The state of thread {@code tid} of process {@code pid}, or null when it has gone. */
    public static ThreadState read(int pid, int tid) {
        Path task = Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid));
        try {
            return OwnFiles.read(() -> read(task));
        } catch (IOException e) {
            return null;
        }
    }

    private static ThreadState read(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        // "tid (comm) S …": comm may hold spaces and parentheses, so split at the last ')'.
        int close = stat.lastIndexOf(')');
        char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
        String wchan = readOr(task.resolve("wchan"), "");
        if ("0".equals(wchan)) {
            wchan = "";
        }
        String syscall = readOr(task.resolve("syscall"), "").trim();
        return parse(state, wchan, syscall);
    }

    /** Builds a state from the three files' text ({@code syscall}: "45 0x5 0x… …", "running" or "-1 …"). */
    static ThreadState parse(char state, String wchan, String syscall) {
        int nr = -1;
        long arg0 = -1;
        String[] parts = syscall.split("\\s+");
        if (parts.length > 0 && !parts[0].isEmpty() && !"running".equals(parts[0])) {
            try {
                nr = Integer.parseInt(parts[0]);
                if (nr >= 0 && parts.length > 1) {
                    arg0 = Long.parseUnsignedLong(parts[1].replaceFirst("^0x", ""), 16);
                }
            } catch (NumberFormatException e) {
                nr = -1;
            }
        }
        String name = nr >= 0 ? LinuxAbi.syscallName(ARCH, nr) : "";
        return new ThreadState(state, wchan, nr, name, arg0);
    }

    /**
     * Nanoseconds thread {@code tid} has spent on a CPU: for a thread of this process its CPU clock
     * (exact now), else the first field of {@code /proc/<pid>/task/<tid>/schedstat} (which lags until
     * the scheduler next updates it); -1 when unavailable.
     */
    public static long cpuNanos(int pid, int tid) {
        return schedstat(pid, tid)[0];
    }

    /**
     * Nanoseconds on a CPU ({@link #cpuNanos}) and nanoseconds runnable but waiting for one (the
     * second field of {@code /proc/<pid>/task/<tid>/schedstat}, which adds a wait when it ends, so it
     * never counts ahead). Their sum is the time the thread wanted a CPU; a thread asleep in a
     * system call adds to neither. -1 for a figure that is unavailable.
     */
    public static long[] schedstat(int pid, int tid) {
        String s = readOr(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid), "schedstat"), "").trim();
        String[] f = s.split("\\s+");
        long cpu = -1;
        long wait = -1;
        try {
            if (f.length >= 2) {
                cpu = Long.parseLong(f[0]);
                wait = Long.parseLong(f[1]);
            }
        } catch (NumberFormatException e) {
            cpu = -1;
            wait = -1;
        }
        if (pid == OWN_PID) {
            cpu = Libc.threadCpuNanos(tid);
        }
        return new long[] {cpu, wait};
    }

    private static final int OWN_PID = Libc.getpid();

    /** Number of threads of this process. */
    public static int countSelf() {
        try {
            return OwnFiles.read(() -> {
                try (var s = Files.list(Path.of("/proc/self/task"))) {
                    return (int) s.count();
                }
            });
        } catch (IOException e) {
            return -1;
        }
    }

    private static String readOr(Path p, String fallback) {
        try {
            return OwnFiles.read(() -> Files.readString(p));
        } catch (IOException e) {
            return fallback;
        }
    }
}
