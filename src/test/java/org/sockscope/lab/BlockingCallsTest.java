package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.posix.Errno;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking and non-blocking send()/recv() on real loopback sockets, as the lecture's slides ask. */
class BlockingCallsTest extends LabTestBase {

    @Test
    void nonBlockingSendReturnsPartialThenEagain() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
        Actor p1 = lab.actor("P1");
        assertFalse(SocketProbe.probe(c.clientFd()).nonBlocking(), "a fresh socket blocks");
        assertEquals(0, Await.result(p1.submit(new Call.SetNonBlocking(c.clientFd(), true)), T).ret());
        assertTrue(SocketProbe.probe(c.clientFd()).knowsFlags());
        assertTrue(SocketProbe.probe(c.clientFd()).nonBlocking(), "the probe reads O_NONBLOCK back with F_GETFL");
        CallOutcome first = Await.result(p1.submit(new Call.Send(c.clientFd(), 100_000, 0)), T);
        assertTrue(first.ret() > 0 && first.ret() < 100_000, "more than fits: a partial count, got " + first.ret());
        assertFalse(first.blocked());
        CallOutcome last = first;
        for (int i = 0; i < 200 && !last.failed(); i++) {
            last = Await.result(p1.submit(new Call.Send(c.clientFd(), 1000, 0)), T);
        }
        assertTrue(last.failed(), "the buffers stay full within 200 more sends");
        assertEquals(Errno.EAGAIN, last.errno());
    }

    @Test
    void msgDontWaitOnBlockingSocketReturnsEagainToo() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
        Actor p1 = lab.actor("P1");
        CallOutcome last = null;
        for (int i = 0; i < 200; i++) {
            last = Await.result(p1.submit(new Call.Send(c.clientFd(), 1000, LinuxAbi.MSG_DONTWAIT)), T);
            if (last.failed()) {
                break;
            }
        }
        assertTrue(last.failed());
        assertEquals(Errno.EAGAIN, last.errno());
    }

    @Test
    void recvOnEmptyNonBlockingSocketIsEagain() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p2 = lab.actor("P2");
        Await.result(p2.submit(new Call.SetNonBlocking(c.serverFd(), true)), T);
        CallOutcome r = Await.result(p2.submit(new Call.Recv(c.serverFd(), 200, 0)), T);
        assertEquals(-1, r.ret());
        assertEquals(Errno.EAGAIN, r.errno());
    }

    @Test
    void blockingRecvIsReportedBlockedAndReturnsWhatArrived() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p1 = lab.actor("P1");
        Actor p2 = lab.actor("P2");
        CompletableFuture<CallOutcome> recv = p2.submit(new Call.Recv(c.serverFd(), 200, 0));
        Event.CallBlocked b = Await.event(lab.trace(), Event.CallBlocked.class, e -> e.actor().equals("P2"), T);
        assertTrue(b.syscall().startsWith("recv"), "the kernel names the call it sleeps in: " + b.syscall());
        assertFalse(recv.isDone());
        assertEquals(100, Await.result(p1.submit(new Call.Send(c.clientFd(), 100, 0)), T).ret());
        CallOutcome r = Await.result(recv, T);
        assertEquals(100, r.ret(), "asked for 200 with 100 queued: the kernel copies 100");
        assertTrue(r.blocked());
        Event.CallReturned ret = Await.event(lab.trace(), Event.CallReturned.class,
                e -> e.actor().equals("P2") && e.call().name().equals("recv"), T);
        assertTrue(ret.data().endsWith("×100"), ret.data());
    }

    @Test
    void blockingSendBlocksWithCopiedPartVisibleThenReturnsFullCount() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
        Actor p1 = lab.actor("P1");
        Actor p2 = lab.actor("P2");
        int big = 200_000;
        CompletableFuture<CallOutcome> send = p1.submit(new Call.Send(c.clientFd(), big, 0));
        Await.event(lab.trace(), Event.CallBlocked.class, e -> e.actor().equals("P1"), T);
        SocketFigures sender = SocketProbe.probe(c.clientFd());
        SocketFigures receiver = SocketProbe.probe(c.serverFd());
        assertTrue(sender.outq() > 0 && receiver.inq() > 0, "while send() sleeps the copied part sits in the kernel: " + sender + " " + receiver);
        assertFalse(send.isDone());
        long read = 0;
        for (int i = 0; i < 10_000 && read < big; i++) {
            CallOutcome r = Await.result(p2.submit(new Call.Recv(c.serverFd(), 65536, 0)), T);
            assertTrue(r.ret() > 0);
            read += r.ret();
        }
        assertEquals(big, read);
        CallOutcome s = Await.result(send, T);
        assertEquals(big, s.ret(), "a blocking send returns the full count once everything fit");
        assertTrue(s.blocked());
    }

    @Test
    void sndtimeoMakesBlockingSendReturnPartialCount() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
        Actor p1 = lab.actor("P1");
        Await.result(p1.submit(new Call.SetTimeout(c.clientFd(), LinuxAbi.SO_SNDTIMEO, 200)), T);
        int big = 1 << 20;
        CallOutcome s = Await.result(p1.submit(new Call.Send(c.clientFd(), big, 0)), T);
        assertTrue(s.ret() > 0 && s.ret() < big, "SO_SNDTIMEO expired: a partial count, got " + s.ret());
        assertEquals(0, s.errno());
    }
}
