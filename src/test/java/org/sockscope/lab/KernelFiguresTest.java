package org.sockscope.lab;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the probes report agrees with what the calls returned, and with the kernel's sizing rules. */
class KernelFiguresTest extends LabTestBase {

    /** bytes written − bytes read == NSD(sender) + INQ(receiver), once the kernel settles. */
    @ParameterizedTest
    @ValueSource(ints = {2304, 4096, 16384, 65536})
    void writtenMinusReadEqualsNotSentPlusQueued(int size) throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(size), SocketOptions.buffers(size));
        Actor p1 = lab.actor("P1");
        Actor p2 = lab.actor("P2");
        Await.result(p1.submit(new Call.SetNonBlocking(c.clientFd(), true)), T);
        long written = 0;
        long read = 0;
        for (int i = 0; i < 1000; i++) {
            CallOutcome o = Await.result(p1.submit(new Call.Send(c.clientFd(), 3000, 0)), T);
            if (o.failed()) {
                break;
            }
            written += o.ret();
        }
        CallOutcome r = Await.result(p2.submit(new Call.Recv(c.serverFd(), 1500, LinuxAbi.MSG_DONTWAIT)), T);
        read += Math.max(0, r.ret());
        long w = written;
        long rd = read;
        // Settled: a quiescent loopback connection has nothing in flight; check the invariant then.
        Await.until(() -> {
            SocketFigures s = SocketProbe.probe(c.clientFd());
            SocketFigures q = SocketProbe.probe(c.serverFd());
            return s.inFlight() == 0 && w - rd == (long) s.notSent() + q.inq();
        }, T, "written − read == NSD + INQ with nothing in flight (written " + w + ", read " + rd + ")");
        assertTrue(written > 0);
    }

    @Test
    void kernelDoublesRequestedBufferSizesAndEnforcesMinimums() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", new SocketOptions(8192, 6000, false), new SocketOptions(1, 1, false));
        SocketFigures client = SocketProbe.probe(c.clientFd());
        SocketFigures server = SocketProbe.probe(c.serverFd());
        assertEquals(2 * 8192, client.sndbuf(), "the kernel stores twice the requested SO_SNDBUF");
        assertEquals(2 * 6000, client.rcvbuf(), "the kernel stores twice the requested SO_RCVBUF");
        // Requests below the floor are raised to the kernel's minimums (SOCK_MIN_SNDBUF / SOCK_MIN_RCVBUF).
        int minSnd = server.sndbuf();
        int minRcv = server.rcvbuf();
        assertTrue(minSnd > 2 && minRcv > 2, "tiny requests are raised: " + server);
        int s = Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0).intValue();
        try {
            Libc.setsockoptInt(s, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF, 0);
            Libc.setsockoptInt(s, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF, 0);
            assertEquals(minSnd, Libc.getsockoptInt(s, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF).value());
            assertEquals(minRcv, Libc.getsockoptInt(s, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF).value());
            // Just above the floor the doubling is visible again.
            Libc.setsockoptInt(s, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF, minSnd);
            assertEquals(2L * minSnd, Libc.getsockoptInt(s, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF).value());
        } finally {
            Libc.close(s);
        }
    }
}
