package org.sockscope.trace;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trace recorded from real calls round-trips through JSON exactly, and Snapshots equal a full replay. */
class TraceTest {

    @Test
    void jsonRoundTripIsExact() throws Exception {
        Trace t = SomeCalls.record().trace();
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
        Trace t = SomeCalls.record().trace();
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
