package org.sockscope.kernel;

import org.junit.jupiter.api.Test;
import org.sockscope.posix.LinuxAbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of /proc/…/task/…/syscall text, and syscall naming per architecture. */
class ThreadProbeTest {

    @Test
    void parsesASleepingRecvfrom() {
        ThreadState s = ThreadProbe.parse('S', "wait_woken", "45 0x5 0x7f00 0xc8 0x0 0x0 0x0 0x7ffc 0x7f01");
        assertTrue(s.sleepingInSyscall());
        assertEquals(5, s.firstArg());
        String expected = LinuxAbi.currentArch().orElseThrow() == LinuxAbi.Arch.X86_64 ? "recvfrom" : "syscall 45";
        assertEquals(expected, s.syscallName());
    }

    @Test
    void runningThreadIsNotInASyscall() {
        ThreadState s = ThreadProbe.parse('R', "", "running");
        assertFalse(s.sleeping());
        assertEquals(-1, s.syscallNr());
    }

    @Test
    void namesDifferPerArchitecture() {
        assertEquals("recvfrom", LinuxAbi.syscallName(LinuxAbi.Arch.X86_64, 45));
        assertEquals("recvfrom", LinuxAbi.syscallName(LinuxAbi.Arch.AARCH64, 207));
        assertEquals("syscall 9999", LinuxAbi.syscallName(LinuxAbi.Arch.X86_64, 9999));
    }

    @Test
    void readsThisThreadAsRunning() {
        ThreadState s = ThreadProbe.read((int) ProcessHandle.current().pid(), org.sockscope.posix.Libc.gettid());
        assertEquals('R', s.state(), "a thread reading its own stat is running");
    }

    @Test
    void cpuTimeGrowsWhileThisThreadWorks() {
        int pid = (int) ProcessHandle.current().pid();
        int tid = org.sockscope.posix.Libc.gettid();
        long before = ThreadProbe.cpuNanos(pid, tid);
        assertTrue(before > 0);
        long deadline = System.nanoTime() + 2_000_000_000L;
        long x = 0;
        while (ThreadProbe.cpuNanos(pid, tid) < before + 5_000_000 && System.nanoTime() < deadline) {
            x += Long.numberOfTrailingZeros(System.nanoTime());
        }
        assertTrue(ThreadProbe.cpuNanos(pid, tid) >= before + 5_000_000, "5 ms of spinning shows in schedstat (" + x + ")");
    }
}
