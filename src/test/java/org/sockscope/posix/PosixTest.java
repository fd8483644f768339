package org.sockscope.posix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bindings themselves: errno capture, fd_set limits, select/poll readiness, loopback only. */
class PosixTest {

    @Test
    void errnoIsCapturedWithItsName() {
        SysResult r = Libc.close(987_654);
        assertTrue(r.failed());
        assertEquals(Errno.EBADF, r.errno());
        assertEquals("EBADF", r.errnoName());
        assertEquals("Bad file descriptor", Errno.message(r.errno()));
        assertEquals("EAGAIN/EWOULDBLOCK", Errno.nameWithAlias(Errno.EWOULDBLOCK));
        assertEquals(Errno.EAGAIN, Errno.valueOf("EWOULDBLOCK"));
    }

    @Test
    void fdSetMirrorsTheMacrosAndRefusesLargeDescriptors() {
        FdSet s = new FdSet().set(3).set(64).set(1023);
        assertTrue(s.isSet(64));
        assertFalse(s.isSet(65));
        assertEquals(1024, s.nfds());
        s.clear(1023);
        assertEquals(65, s.nfds());
        assertEquals(java.util.List.of(3, 64), s.members());
        assertThrows(IllegalArgumentException.class, () -> s.set(LinuxAbi.FD_SETSIZE));
        assertThrows(IllegalArgumentException.class, () -> s.set(-1));
        assertEquals(0, s.zero().nfds());
    }

    @Test
    void selectAndPollReportTheReadyEndOfAPipe() {
        Libc.PipeFds p = Libc.pipe();
        try {
            FdSet read = new FdSet().set(p.readFd());
            assertEquals(0, Libc.select(read.nfds(), read, null, null, 0).value(), "empty pipe: not readable");
            assertEquals(3, Libc.write(p.writeFd(), new byte[] {1, 2, 3}, 0, 3).value());
            read = new FdSet().set(p.readFd());
            assertEquals(1, Libc.select(read.nfds(), read, null, null, 1_000_000).value());
            assertTrue(read.isSet(p.readFd()));
            PollFd[] fds = {PollFd.of(p.readFd(), LinuxAbi.POLLIN), PollFd.of(p.writeFd(), LinuxAbi.POLLOUT)};
            assertEquals(2, Libc.poll(fds, 0).value());
            assertTrue(fds[0].has(LinuxAbi.POLLIN));
            assertTrue(fds[1].has(LinuxAbi.POLLOUT));
            assertEquals(3, Libc.ioctlInt(p.readFd(), LinuxAbi.FIONREAD).value());
        } finally {
            Libc.close(p.readFd());
            Libc.close(p.writeFd());
        }
    }

    @Test
    void pipeCapacityCanBeReadAndSet() {
        Libc.PipeFds p = Libc.pipe();
        try {
            long before = Libc.fcntl(p.writeFd(), LinuxAbi.F_GETPIPE_SZ, 0).value();
            assertTrue(before > 0);
            long set = Libc.fcntl(p.writeFd(), LinuxAbi.F_SETPIPE_SZ, (int) before * 2).value();
            assertEquals(set, Libc.fcntl(p.writeFd(), LinuxAbi.F_GETPIPE_SZ, 0).value());
            assertTrue(set >= before * 2);
        } finally {
            Libc.close(p.readFd());
            Libc.close(p.writeFd());
        }
    }

    @Test
    void nonLoopbackAddressesAreRefusedBeforeAnyCall() {
        int fd = Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0).intValue();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Libc.bind(fd, new SockAddr("10.0.0.1", 80)));
            assertTrue(e.getMessage().contains("loopback"));
            assertThrows(IllegalArgumentException.class, () -> Libc.connect(fd, new SockAddr("192.168.1.1", 80)));
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void nonBlockingFlagRoundTripsThroughFcntl() {
        int fd = Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0).intValue();
        try {
            assertEquals(0, Libc.setNonBlocking(fd, true).value());
            assertTrue((Libc.fcntl(fd, LinuxAbi.F_GETFL, 0).value() & LinuxAbi.O_NONBLOCK) != 0);
            assertEquals(0, Libc.setNonBlocking(fd, false).value());
            assertEquals(0, Libc.fcntl(fd, LinuxAbi.F_GETFL, 0).value() & LinuxAbi.O_NONBLOCK);
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void gettidDiffersPerThreadAndGetpidMatchesTheJvm() throws Exception {
        assertEquals(ProcessHandle.current().pid(), Libc.getpid());
        int[] other = new int[1];
        Thread t = Thread.ofPlatform().start(() -> other[0] = Libc.gettid());
        t.join(5000);
        assertTrue(other[0] > 0);
        assertTrue(other[0] != Libc.gettid());
    }

    @Test
    void unsupportedPlatformMessageNamesTheOsAndReplayMode() {
        UnsupportedPlatformException e = new UnsupportedPlatformException("Mac OS X", "aarch64");
        assertTrue(e.getMessage().contains("this is macOS aarch64"), e.getMessage());
        assertTrue(e.getMessage().contains("replay"));
        assertTrue(LinuxAbi.isSupported(), "these tests run on Linux x86_64/aarch64");
    }
}
