package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.kernel.ThreadProbe;
import org.sockscope.posix.Errno;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.CallOutcome.Stop;
import org.sockscope.trace.Event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A helper loop's outcome is what its calls did: the real sum, the real count, the last call's own
 * return and errno, and why it stopped.
 */
class LoopsTest extends LabTestBase {

    private final Actor client = lab.actor("client");
    private final Actor server = lab.actor("server");

    private Lab.Connection connection() throws LabException {
        SocketOptions small = new SocketOptions(4096, 4096, false);
        return lab.connect("client", "server", small, small);
    }

    @Test
    void fillStopsOnEagainHavingSentWhatTheKernelHolds() throws Exception {
        Lab.Connection c = connection();
        CallOutcome o = Await.result(client.submit(new Call.Fill(c.clientFd())), T);
        assertEquals(Stop.EAGAIN, o.stop(), o.toString());
        assertEquals(Errno.EAGAIN, o.lastErrno());
        assertEquals(-1, o.lastRet());
        SocketFigures sender = SocketProbe.probe(c.clientFd());
        SocketFigures receiver = SocketProbe.probe(c.serverFd());
        // nothing was read: every byte the loop sent is still in the two queues
        assertEquals(sender.outq() + receiver.inq(), o.ret(), "sum of the sends = bytes the kernel holds");
        assertTrue(o.calls() >= 2, "at least one send that copied and one that met EAGAIN: " + o.calls());
    }

    @Test
    void drainStopsAtEndOfStreamWithEveryByte() throws Exception {
        Lab.Connection c = connection();
        assertEquals(1000, Await.result(client.submit(new Call.Send(c.clientFd(), 1000, 0)), T).ret());
        assertEquals(0, Await.result(client.submit(new Call.Shutdown(c.clientFd(), LinuxAbi.SHUT_WR)), T).ret());
        Await.until(() -> SocketProbe.probe(c.serverFd()).inq() == 1000, T, "the 1000 bytes arrive");
        CallOutcome o = Await.result(server.submit(new Call.Drain(c.serverFd())), T);
        assertEquals(Stop.END_OF_STREAM, o.stop(), o.toString());
        assertEquals(1000, o.ret());
        assertEquals(0, o.lastRet(), "the last recv() returned 0: the peer shut down its side");
    }

    @Test
    void repeatStopsAtItsLimitWithTheLastCallsOwnResult() throws Exception {
        Lab.Connection c = connection();
        Call.Repeat loop = new Call.Repeat(new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT), new Until.Returns(1, Long.MAX_VALUE), 7);
        CallOutcome o = Await.result(server.submit(loop), T);
        assertEquals(Stop.LIMIT, o.stop(), o.toString());
        assertEquals(7, o.calls());
        assertEquals(-1, o.ret());
        assertEquals(Errno.EAGAIN, o.errno());
    }

    @Test
    void repeatStopsWhenItsConditionHolds() throws Exception {
        Lab.Connection c = connection();
        assertEquals(100, Await.result(client.submit(new Call.Send(c.clientFd(), 100, 0)), T).ret());
        Await.until(() -> SocketProbe.probe(c.serverFd()).inq() == 100, T, "the 100 bytes arrive");
        Call.Repeat loop = new Call.Repeat(new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT), new Until.Returns(1, Long.MAX_VALUE), 1000);
        CallOutcome o = Await.result(server.submit(loop), T);
        assertEquals(Stop.CONDITION, o.stop(), o.toString());
        assertEquals(1, o.calls());
        assertEquals(100, o.ret());
    }

    @Test
    void aCancelledRepeatSaysSoAndKeepsWhatItsCallsDid() throws Exception {
        Lab.Connection c = connection();
        Call.Repeat loop = new Call.Repeat(new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT), new Until.Returns(1, Long.MAX_VALUE), 100_000_000);
        int pid = org.sockscope.posix.Libc.getpid();
        long cpu0 = ThreadProbe.cpuNanos(pid, server.tid());
        var f = server.submit(loop);
        Await.event(lab.trace(), Event.CallStarted.class, e -> e.actor().equals("server"), T);
        // the kernel says the loop's thread has been on a CPU for 5 ms: it has made calls
        Await.until(() -> ThreadProbe.cpuNanos(pid, server.tid()) - cpu0 > 5_000_000, T, "the loop runs");
        assertTrue(lab.cancel(server), "a loop was in flight");
        CallOutcome o = Await.result(f, T);
        assertEquals(Stop.CANCELLED, o.stop(), o.toString());
        assertTrue(o.calls() >= 1 && o.calls() < 100_000_000, "calls " + o.calls());
        assertEquals(Errno.EAGAIN, o.lastErrno(), "its last call found nothing, as every one did");
    }
}
