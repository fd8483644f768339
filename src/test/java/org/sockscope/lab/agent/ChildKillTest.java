package org.sockscope.lab.agent;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Killing the app with SIGKILL (no chance to clean up) leaves no process actor running. */
class ChildKillTest {

    /** True while {@code pid} is a live process (a zombie has ended: it only waits to be reaped). */
    private static boolean alive(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aChildDoesNotOutliveAKilledApp() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process host = new ProcessBuilder(List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ChildHost.class.getName())).redirectErrorStream(true).start();
        int child;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("child "));
            assertTrue(line != null, "the host printed its child's pid");
            child = Integer.parseInt(line.substring(6).trim());
            assertTrue(alive(child), "the child runs, asleep in its call");
            host.destroyForcibly(); // SIGKILL
            assertTrue(host.waitFor(10, TimeUnit.SECONDS), "the host died");
        } finally {
            host.destroyForcibly();
        }
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(2);
        while (alive(child) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        boolean stillAlive = alive(child);
        System.out.printf("ChildKillTest: child gone %.1f ms after the app was killed%n", (System.nanoTime() - t0) / 1e6);
        if (stillAlive) {
            new ProcessBuilder("kill", "-9", Integer.toString(child)).start().waitFor(); // leave nothing behind
        }
        assertFalse(stillAlive, "the kernel killed the child with its parent (PR_SET_PDEATHSIG)");
    }
}
