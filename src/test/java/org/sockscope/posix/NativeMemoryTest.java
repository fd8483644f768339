package org.sockscope.posix;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Native buffers live in per-call arenas: thousands of 64 KiB calls leave the process no bigger. */
class NativeMemoryTest {
    private static final int CALLS = 20_000;
    private static final int SIZE = 64 * 1024;

    @Test
    void sendAndRecvDoNotGrowNativeMemory() throws IOException {
        Libc.PipeFds p = Libc.pipe();
        try {
            byte[] out = new byte[SIZE];
            byte[] in = new byte[SIZE];
            for (int i = 0; i < 1000; i++) { // warm up so the heap and JIT settle first
                roundTrip(p, out, in);
            }
            long before = rssKiB();
            for (int i = 0; i < CALLS; i++) {
                roundTrip(p, out, in);
            }
            long grownKiB = rssKiB() - before;
            // A leak of one buffer per call would be CALLS × 2 × 64 KiB ≈ 2.5 GiB.
            assertTrue(grownKiB < 256 * 1024, "resident memory grew by " + grownKiB + " KiB over " + CALLS + " round trips");
        } finally {
            Libc.close(p.readFd());
            Libc.close(p.writeFd());
        }
    }

    private static void roundTrip(Libc.PipeFds p, byte[] out, byte[] in) {
        assertEquals(SIZE, Libc.write(p.writeFd(), out, 0, SIZE).value());
        long got = 0;
        while (got < SIZE) {
            long r = Libc.read(p.readFd(), in, SIZE).value();
            assertTrue(r > 0);
            got += r;
        }
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
