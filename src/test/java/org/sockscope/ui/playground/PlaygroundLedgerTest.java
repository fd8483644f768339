package org.sockscope.ui.playground;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Call;
import org.sockscope.lab.Payload;
import org.sockscope.trace.Event;
import org.sockscope.trace.Slot;
import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.BufferContent;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.widget.BufferContent.Segment;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placing each send()'s bytes in the kernel's buffers (derived from return values and queue sizes). */
class PlaygroundLedgerTest {

    private static StreamLedger fold(Events e) {
        StreamLedger l = new StreamLedger();
        for (Event ev : e.trace().events()) {
            l.fold(ev);
        }
        return l;
    }

    private static Slot slot(int fd) {
        return new Slot(fd == Events.CLIENT ? "P1" : "P2", fd);
    }

    private static SocketFigures fig(int fd, int inq, int outq, int nsd) {
        return new SocketFigures(fd, 1000 + fd, inq, outq, nsd, 8192, 8192, 1, 0, 0, 0, 0, 2, 2, 1, 0, 0);
    }

    @Test
    void bytesAreAttributedInStreamOrderAcrossBothBuffers() {
        Events e = new Events().connected();
        long a = e.nextId();
        e.call("P1", new Call.Send(5, 3000, 0), 3000, 0, "");
        long b = e.nextId();
        e.call("P1", new Call.Send(5, 3000, 0), 3000, 0, "");
        long c = e.nextId();
        e.call("P1", new Call.Send(5, 6000, 0), 5192, 0, "");
        e.call("P2", new Call.Recv(6, 200, 0), 200, 0, "A×200");
        StreamLedger l = fold(e);
        // Written 11192, read 200: the receiver holds 4848 (positions 200..5048), the sender 6144 unsent.
        SocketFigures sender = fig(5, 0, 6144, 6144);
        SocketFigures receiver = fig(6, 4848, 0, 0);
        BufferContent rcv = l.receiveBuffer(slot(6), receiver, sender, 4096);
        assertEquals(List.of(new Segment(200, 3000, Payload.tag(a)), new Segment(3000, 5048, Payload.tag(b))), rcv.segments());
        assertEquals(4848, rcv.bytes(Kind.QUEUED));
        assertEquals(8192, rcv.capacity());
        assertEquals(4096, rcv.requested());
        BufferContent snd = l.sendBuffer(slot(5), sender, receiver, 4096);
        assertEquals(6144, snd.bytes(Kind.NOT_SENT));
        assertEquals(0, snd.bytes(Kind.IN_FLIGHT));
        assertEquals(List.of(new Segment(5048, 6000, Payload.tag(b)), new Segment(6000, 11192, Payload.tag(c))), snd.segments());
    }

    @Test
    void inFlightIsOutqMinusNotSentAndSitsBeforeTheUnsentBytes() {
        Events e = new Events().connected();
        e.call("P1", new Call.Send(5, 1000, 0), 1000, 0, "");
        StreamLedger l = fold(e);
        BufferContent snd = l.sendBuffer(slot(5), fig(5, 0, 1000, 400), fig(6, 600, 0, 0), 0);
        assertEquals(List.of(new BufferContent.Span(0, 600, Kind.IN_FLIGHT), new BufferContent.Span(600, 1000, Kind.NOT_SENT)),
                snd.spans());
    }

    @Test
    void aRunningBlockingSendShowsItsCopiedPartFromKernelFigures() {
        Events e = new Events().connected();
        long id = e.nextId();
        e.started("P1", new Call.Send(5, 200_000, 0));
        StreamLedger l = fold(e);
        SocketFigures sender = fig(5, 0, 7904, 7904);
        SocketFigures receiver = fig(6, 5096, 0, 0);
        assertEquals(13000, l.runningCopied(slot(5), sender, receiver), "R + INQ(receiver) + NSD(sender)");
        BufferContent rcv = l.receiveBuffer(slot(6), receiver, sender, 0);
        assertEquals(List.of(new Segment(0, 5096, Payload.tag(id))), rcv.segments());
    }

    @Test
    void bytesPastWhatReturnValuesExplainAreUnknown() {
        Events e = new Events().connected();
        StreamLedger l = fold(e);
        BufferContent rcv = l.receiveBuffer(slot(6), fig(6, 10, 0, 0), fig(5, 0, 0, 0), 0);
        assertEquals(List.of(new Segment(0, 10, '?')), rcv.segments());
    }

    @Test
    void manySmallSendsAreCappedWithAMixedMiddle() {
        Events e = new Events().connected();
        for (int i = 0; i < 200; i++) {
            e.call("P1", new Call.Send(5, 10, 0), 10, 0, "");
        }
        StreamLedger l = fold(e);
        BufferContent rcv = l.receiveBuffer(slot(6), fig(6, 2000, 0, 0), fig(5, 0, 0, 0), 0);
        assertEquals(StreamLedger.MAX_SEGMENTS - 1, rcv.segments().size());
        assertEquals(2000, rcv.segments().stream().mapToLong(Segment::bytes).sum());
        assertEquals('…', rcv.segments().get(StreamLedger.MAX_SEGMENTS / 2 - 1).letter());
    }

    @Test
    void afterAGapQueuedBytesAreUnknownUntilQuietKernelFiguresPlaceTheStream() {
        Events e = new Events().connected();
        e.call("P1", new Call.Send(5, 1000, 0), 1000, 0, "");
        StreamLedger l = fold(e);
        // The bounded trace drops two sends of 500 before they are folded: the ledger never sees them.
        l.dropped(e.trace().latest());
        int mark = e.trace().size();
        long c = e.nextId();
        e.call("P1", new Call.Send(5, 300, 0), 300, 0, "");
        e.sample(300, 0, 2300, 0); // C's 300 bytes are sent but not yet acknowledged: in both queues
        foldFrom(l, e, mark);
        assertTrue(l.unsettled());
        l.settle(e.trace().latest(), e.trace().size());
        assertTrue(l.unsettled(), "bytes in flight: the figures cannot place the stream yet");
        assertEquals(List.of(new Segment(0, 2300, '?')), l.receiveBuffer(slot(6), fig(6, 2300, 0, 0), fig(5, 0, 300, 0), 0)
                .segments(), "nothing is attributed while the stream is unplaced");

        mark = e.trace().size();
        e.sample(0, 0, 2300, 0);
        foldFrom(l, e, mark);
        long returnedC = e.trace().size() - 3;
        l.settle(e.trace().latest(), returnedC);
        assertTrue(l.unsettled(), "figures probed before C returned cannot place it");
        l.settle(e.trace().latest(), e.trace().size());
        assertFalse(l.unsettled());
        BufferContent rcv = l.receiveBuffer(slot(6), fig(6, 2300, 0, 0), fig(5, 0, 0, 0), 0);
        assertEquals(List.of(new Segment(0, 2000, '?'), new Segment(2000, 2300, Payload.tag(c))), rcv.segments(),
                "the kept send's bytes are the newest; the dropped ones' are unknown");
    }

    @Test
    void aSendRunningOnAnUnplacedStreamShowsNoDerivedFigure() {
        Events e = new Events().connected();
        StreamLedger l = fold(e);
        l.dropped(e.trace().latest());
        int mark = e.trace().size();
        long id = e.nextId();
        Call.Send send = new Call.Send(5, 200_000, 0);
        e.started("P1", send);
        e.sample(7904, 7904, 5096, 0);
        foldFrom(l, e, mark);
        AppBufferState app = l.appBuffer(id, "P1", send.spec(), true, null, "", e.trace().latest());
        assertFalse(app.copiedDerived(), "where the stream stands is unknown: no count, not a made-up one");
        assertEquals(0, app.copied());
        assertTrue(app.running());
    }

    private static void foldFrom(StreamLedger l, Events e, int from) {
        e.trace().eventsFrom(from).forEach(l::fold);
    }
}
