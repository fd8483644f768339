package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.PipeProbe;
import org.sockscope.posix.Errno;
import org.sockscope.trace.CallOutcome;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real pipe fills to the capacity the kernel reports; then a non-blocking write gets EAGAIN. */
class PipeTest extends LabTestBase {

    @Test
    void pipeFillsToCapacityThenWriteGetsEagain() throws Exception {
        Lab.PipeEnds p = lab.pipe("P1", "P2");
        Actor p1 = lab.actor("P1");
        int capacity = PipeProbe.probe(p.readFd(), p.writeFd()).capacity();
        assertTrue(capacity >= 4096, "capacity from F_GETPIPE_SZ: " + capacity);
        Await.result(p1.submit(new Call.SetNonBlocking(p.writeFd(), true)), T);
        long written = 0;
        CallOutcome last = null;
        for (int i = 0; i < capacity / 4096 + 10; i++) {
            last = Await.result(p1.submit(new Call.Write(p.writeFd(), 4096)), T);
            if (last.failed()) {
                break;
            }
            written += last.ret();
        }
        assertEquals(-1, last.ret());
        assertEquals(Errno.EAGAIN, last.errno());
        assertEquals(capacity, written, "page-sized writes fill the pipe exactly to its capacity");
        PipeFigures f = PipeProbe.probe(p.readFd(), p.writeFd());
        assertEquals(capacity, f.queued());

        Actor p2 = lab.actor("P2");
        CallOutcome r = Await.result(p2.submit(new Call.Read(p.readFd(), 100)), T);
        assertEquals(100, r.ret());
        assertEquals(capacity - 100, PipeProbe.probe(p.readFd(), p.writeFd()).queued());
    }

    @Test
    void cancellingABlockedPipeReadClosesTheWriteEnd() throws Exception {
        Lab.PipeEnds p = lab.pipe("P1", "P2");
        Actor p2 = lab.actor("P2");
        var read = p2.submit(new Call.Read(p.readFd(), 100));
        Await.event(lab.trace(), org.sockscope.trace.Event.CallBlocked.class, e -> e.actor().equals("P2"), T);
        assertTrue(lab.cancel(p2));
        assertEquals(0, Await.result(read, T).ret(), "with every writer gone, read() returns 0");
    }
}
