package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A blocked call can always be cancelled from the control side, and the cancellation is recorded
 * (how, for which call, and what the call then returned). How long it took is printed, not
 * asserted: a loaded 2-core machine decides that, not the code.
 */
class CancelTest extends LabTestBase {

    @Test
    void cancelWakesABlockedRecvWithEndOfStreamAndRecordsHow() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p2 = lab.actor("P2");
        CompletableFuture<CallOutcome> recv = p2.submit(new Call.Recv(c.serverFd(), 200, 0));
        Event.CallBlocked blocked = Await.event(lab.trace(), Event.CallBlocked.class, e -> e.actor().equals("P2"), T);
        long t0 = System.nanoTime();
        assertTrue(lab.cancel(p2), "a call was in flight");
        CallOutcome r = Await.result(recv, T);
        System.out.printf("CancelTest: cancel() to recv() returned: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        assertEquals(0, r.ret(), "shutdown() wakes recv() with end of stream");
        assertEquals(0, r.errno());
        Event.CallCancelled cc = Await.event(lab.trace(), Event.CallCancelled.class, e -> true, T);
        assertEquals("P2", cc.actor());
        assertEquals(blocked.callId(), cc.callId(), "the blocked recv() was the call cancelled");
        assertEquals("shutdown(" + c.serverFd() + ", SHUT_RDWR)", cc.how());
        Event.CallReturned ret = Await.event(lab.trace(), Event.CallReturned.class,
                e -> e.actor().equals("P2") && e.callId() == blocked.callId(), T);
        assertEquals(0, ret.outcome().ret(), "the trace records the same return");
        assertTrue(ret.seq() > cc.seq(), "the return is recorded after the cancellation that caused it");
        assertEquals(ActorView.Status.CANCELLED, lab.trace().latest().actors().get("P2").status());
    }

    @Test
    void cancelWithNothingInFlightDoesNothing() throws Exception {
        lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        assertFalse(lab.cancel(lab.actor("P1")));
    }

    @Test
    void resetWakesEveryBlockedCall() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        CompletableFuture<CallOutcome> a = lab.actor("P1").submit(new Call.Recv(c.clientFd(), 10, 0));
        CompletableFuture<CallOutcome> b = lab.actor("P2").submit(new Call.Recv(c.serverFd(), 10, 0));
        Await.until(() -> lab.trace().latest().actors().values().stream()
                .filter(v -> v.status() == ActorView.Status.BLOCKED).count() == 2, T, "both blocked");
        long t0 = System.nanoTime();
        lab.reset();
        System.out.printf("CancelTest: reset() with two blocked recv(): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        assertTrue(a.isDone() && b.isDone(), "reset() returns only after both calls did");
        assertEquals(0, Await.result(a, T).ret(), "woken with end of stream");
        assertEquals(0, Await.result(b, T).ret(), "woken with end of stream");
        assertEquals(0, lab.openDescriptors());
    }

    @Test
    void cancellingASelectOnASocketAndAPipeRecordsOnlyWhatItDid() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Lab.PipeEnds p = lab.pipe("P1", "P2");
        Actor p2 = lab.actor("P2");
        Actor.Submission sel = p2.submitTracked(new Call.Select(List.of(c.serverFd(), p.readFd())));
        Await.event(lab.trace(), Event.CallBlocked.class, e -> e.callId() == sel.callId(), T);
        assertTrue(lab.cancel(p2));
        assertEquals(1, Await.result(sel.result(), T).ret(), "closing the pipe's write end makes its read end ready");
        Event.CallCancelled cc = Await.event(lab.trace(), Event.CallCancelled.class, e -> e.callId() == sel.callId(), T);
        assertEquals("close(" + p.writeFd() + ")", cc.how(), "the pipe's write end was closed, and nothing else");
        assertEquals(10, Await.result(lab.actor("P1").submit(new Call.Send(c.clientFd(), 10, 0)), T).ret());
        assertEquals(10, Await.result(p2.submit(new Call.Recv(c.serverFd(), 10, 0)), T).ret(),
                "the socket was not shut down: it still carries bytes");
    }
}
