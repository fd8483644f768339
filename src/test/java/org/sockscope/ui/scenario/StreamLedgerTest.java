package org.sockscope.ui.scenario;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Payload;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.CallSpec;
import org.sockscope.trace.Event;
import org.sockscope.trace.Slot;
import org.sockscope.ui.widget.BufferContent;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario mode's byte ledger (fill and drain count too) and which buffers a card draws. */
class StreamLedgerTest {
    private static Slot slot(int fd) {
        return new Slot("p" + fd, fd);
    }

    private static Event opened(int fd, int peer) {
        return new Event.DescriptorOpened(0, 0, "p" + fd, new Descriptor(fd, Descriptor.Kind.SOCKET, 1000 + fd, "socket:[1]",
                "127.0.0.1:1", "127.0.0.1:2", "ESTABLISHED"), "client", peer, 1000 + peer, 0, 0);
    }

    private static Event started(long id, String name, int fd, long length) {
        return new Event.CallStarted(0, 0, "p" + fd, id, new CallSpec(name, fd, length, 0, name + "(" + fd + ")"));
    }

    private static Event returned(long id, String name, int fd, long length, long ret) {
        return new Event.CallReturned(0, 0, "p" + fd, id, new CallSpec(name, fd, length, 0, name + "(" + fd + ")"),
                new CallOutcome(ret, 0, 1000, false), "");
    }

    private static SocketFigures figures(int fd, int inq, int outq, int notSent) {
        return new SocketFigures(fd, 1000 + fd, inq, outq, notSent, 8192, 8192, 1, 4096, 4096, 0, 0, 2, 2, 1, 0, 0);
    }

    @Test
    void fillAndDrainPlaceBytesLikeSendAndRecv() {
        StreamLedger l = StreamLedger.of(List.of(opened(5, 6), opened(6, 5),
                started(1, "send", 5, 100), returned(1, "send", 5, 100, 100),
                started(2, "fill", 5, 0), returned(2, "fill", 5, 0, 300),
                started(3, "drain", 6, 0), returned(3, "drain", 6, 0, 250)));
        BufferContent recv = l.receiveBuffer(slot(6), figures(6, 150, 0, 0), figures(5, 0, 0, 0), 0);
        assertEquals(150, recv.bytes(Kind.QUEUED));
        assertEquals(250, recv.head(), "the drained bytes are gone from the head");
        assertEquals(List.of(new BufferContent.Segment(250, 400, Payload.tag(2))), recv.segments(), "fill()'s bytes, lettered");
    }

    private static Event pipeEnd(int fd, int other, Descriptor.Kind kind) {
        return new Event.DescriptorOpened(0, 0, "p" + fd, Descriptor.of(fd, kind, 77, "pipe:[77]"), "pipe", other, 77, 0, 0);
    }

    @Test
    void aRunningBlockingPipeWriteHasCopiedWhatThePipeHolds() {
        StreamLedger l = StreamLedger.of(List.of(pipeEnd(7, 8, Descriptor.Kind.PIPE_WRITE), pipeEnd(8, 7, Descriptor.Kind.PIPE_READ),
                started(1, "write", 7, 100), returned(1, "write", 7, 100, 100),
                started(2, "read", 8, 60), returned(2, "read", 8, 60, 60),
                started(3, "write", 7, 70000)));
        // written so far = read 60 + FIONREAD 30040 = 30100: the running write copied 30000 of its 70000.
        assertEquals(30000, l.pipeCopied(slot(7), new org.sockscope.kernel.PipeFigures(77, 8, 7, 30040, 65536)));
        assertEquals(0, l.pipeCopied(slot(7), new org.sockscope.kernel.PipeFigures(77, 8, 7, -22, 65536)), "unreadable fill: nothing claimed");
    }

    @Test
    void aRunningBlockingSendHasCopiedWhatTheKernelHolds() {
        StreamLedger l = StreamLedger.of(List.of(opened(5, 6), opened(6, 5),
                started(1, "send", 5, 400), returned(1, "send", 5, 400, 400),
                started(2, "recv", 6, 250), returned(2, "recv", 6, 250, 250),
                started(3, "send", 5, 1000)));
        // written so far = read 250 + receiver's queue 500 + sender's unsent 100 = 850: the running send copied 450.
        assertEquals(450, l.runningCopied(slot(5), figures(5, 0, 100, 100), figures(6, 500, 0, 0)));
        BufferContent send = l.sendBuffer(slot(5), figures(5, 0, 100, 100), figures(6, 500, 0, 0), 4096);
        assertEquals(100, send.bytes(Kind.NOT_SENT));
        assertEquals(Payload.tag(3), send.segments().getLast().letter());
        assertEquals("send", l.lastByteCall("p5").call().name());
        assertTrue(l.lastByteCall("p5").running());
    }

    @Test
    void fcntlSetsTheBlockingModeShown() {
        StreamLedger l = StreamLedger.of(List.of(opened(5, 6),
                new Event.CallReturned(0, 0, "p5", 1, new CallSpec("fcntl", 5, 0, 0, "fcntl(5, F_SETFL, flags | O_NONBLOCK)"),
                        new CallOutcome(0, 0, 10, false), "")));
        assertTrue(l.nonBlocking(slot(5)));
        l.fold(new Event.CallReturned(0, 0, "p5", 2, new CallSpec("fcntl", 5, 0, 0, "fcntl(5, F_SETFL, flags & ~O_NONBLOCK)"),
                new CallOutcome(0, 0, 10, false), ""));
        assertFalse(l.nonBlocking(slot(5)));
    }

    @Test
    void cardsDrawTheBuffersTheScenarioUses() throws ScenarioException {
        BufferUse recv = BufferUse.of(ScenarioLoader.loadBundled("03_recv_empty_vs_100"));
        assertEquals(new BufferUse.Shown(false, true), recv.shown(List.of("empty.client")), "recv() reads its receive buffer");
        assertEquals(new BufferUse.Shown(true, false), recv.shown(List.of("hundred.server")), "the peer's send() writes its send buffer");
        BufferUse send = BufferUse.of(ScenarioLoader.loadBundled("04a_send_blocking"));
        assertEquals(new BufferUse.Shown(true, false), send.shown(List.of("full.client")));
        assertEquals(new BufferUse.Shown(false, true), send.shown(List.of("room.server")), "where app_room's bytes arrive");
        BufferUse select = BufferUse.of(ScenarioLoader.loadBundled("09_select"));
        assertTrue(select.shown(List.of("a.server")).receive(), "select()'s read set waits on receive buffers");
        BufferUse sockets = BufferUse.of(ScenarioLoader.loadBundled("02_socket_descriptor"));
        assertEquals(BufferUse.Shown.NONE, sockets.shown(List.of("other")), "a socket no call moves bytes on: no buffers");
        assertEquals(new BufferUse.Shown(false, true), sockets.shown(List.of("sock")), "recv() through sock: its receive buffer");
    }
}
