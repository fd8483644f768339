package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A blocked call can always be cancelled from the control side, within 100 ms, and it is recorded. */
class CancelTest extends LabTestBase {

    @Test
    void cancelWakesBlockedRecvWithin100ms() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p2 = lab.actor("P2");
        CompletableFuture<CallOutcome> recv = p2.submit(new Call.Recv(c.serverFd(), 200, 0));
        Await.event(lab.trace(), Event.CallBlocked.class, e -> e.actor().equals("P2"), T);
        long t0 = System.nanoTime();
        assertTrue(lab.cancel(p2));
        CallOutcome r = Await.result(recv, T);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms <= 100, "cancel took " + ms + " ms");
        assertEquals(0, r.ret(), "shutdown() wakes recv() with end of stream");
        Event.CallCancelled cc = Await.event(lab.trace(), Event.CallCancelled.class, e -> true, T);
        assertTrue(cc.how().contains("shutdown(" + c.serverFd()));
        Await.event(lab.trace(), Event.CallReturned.class, e -> e.actor().equals("P2"), T);
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
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000, "reset with blocked calls finishes within 1 s");
        assertTrue(a.isDone() && b.isDone());
        assertEquals(0, lab.openDescriptors());
    }
}
