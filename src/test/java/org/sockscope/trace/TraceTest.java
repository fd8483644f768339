package org.sockscope.trace;

import org.junit.jupiter.api.Test;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Await;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trace recorded from real calls round-trips through JSON exactly, and Snapshots equal a full replay. */
class TraceTest {
    private static final Duration T = Duration.ofSeconds(5);

    static Trace recordSomething() throws Exception {
        try (Lab lab = new Lab()) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
            lab.pipe("P1", "P2");
            Actor p1 = lab.actor("P1");
            Actor p2 = lab.actor("P2");
            var recv = p2.submit(new Call.Recv(c.serverFd(), 200, 0));
            Await.event(lab.trace(), Event.CallBlocked.class, e -> true, T);
            Await.result(p1.submit(new Call.Send(c.clientFd(), 100, 0)), T);
            Await.result(recv, T);
            for (int i = 0; i < 60; i++) {
                Await.result(p1.submit(new Call.Send(c.clientFd(), 10, 0)), T);
                Await.result(p2.submit(new Call.Recv(c.serverFd(), 10, 0)), T);
            }
            Await.result(p1.submit(new Call.SetNonBlocking(c.clientFd(), true)), T);
            for (int i = 0; i < 100; i++) {
                if (Await.result(p1.submit(new Call.Send(c.clientFd(), 1000, 0)), T).failed()) {
                    break;
                }
            }
            Await.result(p2.submit(new Call.Close(c.serverFd())), T);
            return lab.trace();
        }
    }

    @Test
    void jsonRoundTripIsExact() throws Exception {
        Trace t = recordSomething();
        String json = TraceJson.toJson(t);
        Trace back = TraceJson.fromJson(json);
        assertEquals(t.events(), back.events());
        assertEquals(json, TraceJson.toJson(back));
        assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.CallBlocked));
        assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.KernelSample));
        assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.DescriptorClosed));
    }

    @Test
    void snapshotAtEveryIndexEqualsReplayFromStart() throws Exception {
        Trace t = recordSomething();
        List<Event> events = t.events();
        assertTrue(events.size() > 2 * Trace.CHECKPOINT_EVERY, "enough events to cross checkpoints: " + events.size());
        Snapshot replay = Snapshot.EMPTY;
        for (int k = 0; k < events.size(); k++) {
            replay = replay.apply(events.get(k));
            assertEquals(replay, t.snapshotAt(k), "snapshot " + k);
        }
        assertEquals(Snapshot.EMPTY, t.snapshotAt(-1));
        assertEquals(t.latest(), t.snapshotAt(events.size() - 1));
    }

    @Test
    void wrongFormatOrVersionIsRefusedWithReason() {
        IOException e1 = assertThrows(IOException.class, () -> TraceJson.fromJson("{\"format\":\"x\",\"version\":1,\"events\":[]}"));
        assertTrue(e1.getMessage().contains("format"));
        IOException e2 = assertThrows(IOException.class, () -> TraceJson.fromJson("{\"format\":\"sockscope-trace\",\"version\":9,\"events\":[]}"));
        assertTrue(e2.getMessage().contains("version 9"));
    }
}
