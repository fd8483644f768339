package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.posix.Errno;
import org.sockscope.trace.CallOutcome;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A closed peer: recv() returns 0, writing ends in EPIPE (and the JVM lives), unread data means RST. */
class PeerClosedTest extends LabTestBase {

    @Test
    void recvReturnsZeroAndWritingToClosedPeerEndsInEpipe() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p1 = lab.actor("P1");
        Actor p2 = lab.actor("P2");
        assertEquals(0, Await.result(p2.submit(new Call.Close(c.serverFd())), T).ret());
        assertEquals(0, Await.result(p1.submit(new Call.Recv(c.clientFd(), 200, 0)), T).ret(), "end of stream");
        CallOutcome last = null;
        for (int i = 0; i < 50; i++) {
            last = Await.result(p1.submit(new Call.Send(c.clientFd(), 100, 0)), T);
            if (last.failed()) {
                break;
            }
        }
        assertTrue(last.failed(), "writes to a closed peer fail within 50 tries");
        assertEquals(Errno.EPIPE, last.errno());
        // Still alive and well: the next call runs.
        assertEquals(-1, Await.result(p1.submit(new Call.Send(c.clientFd(), 1, 0)), T).ret());
    }

    @Test
    void closingWithUnreadDataResetsThePeer() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p1 = lab.actor("P1");
        Actor p2 = lab.actor("P2");
        assertEquals(100, Await.result(p1.submit(new Call.Send(c.clientFd(), 100, 0)), T).ret());
        Await.until(() -> org.sockscope.kernel.SocketProbe.probe(c.serverFd()).inq() == 100, T, "100 bytes queued at P2");
        Await.result(p2.submit(new Call.Close(c.serverFd())), T);
        CallOutcome r = Await.result(p1.submit(new Call.Recv(c.clientFd(), 200, 0)), T);
        assertEquals(-1, r.ret());
        assertEquals(Errno.ECONNRESET, r.errno());
    }
}
