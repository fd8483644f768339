package org.sockscope.trace;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketFigures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live trace keeps its newest events; indexes stay stable and every kept Snapshot stays exact. */
class BoundedTraceTest {

    private static Event sample(int i) {
        return new Event.KernelSample(0, i, List.of(new SocketFigures(5, 1005, i, 0, 0, 8192, 8192, 1, 0, 0, 0, 0, 2, 2, 1, 0, 0)), List.of());
    }

    private static Event opened() {
        return new Event.DescriptorOpened(0, 0, "P1", new org.sockscope.kernel.Descriptor(5,
                org.sockscope.kernel.Descriptor.Kind.SOCKET, 1005, "socket:[1]", "", "", ""), "socket", -1, -1, 0, 0);
    }

    @Test
    void dropsOldestEventsButKeepsIndexesAndSnapshots() {
        int capacity = 256;
        Trace t = new Trace(capacity);
        Snapshot replay = Snapshot.EMPTY;
        Snapshot[] expected = new Snapshot[5000];
        for (int i = 0; i < 5000; i++) {
            Event stored = t.append(i == 0 ? opened() : sample(i));
            assertEquals(i, stored.seq());
            replay = replay.apply(stored);
            expected[i] = replay;
        }
        assertEquals(5000, t.size());
        assertTrue(t.firstIndex() > 0, "old events were dropped");
        assertTrue(t.events().size() >= capacity && t.events().size() < capacity * 2, "kept " + t.events().size());
        assertEquals(t.firstIndex(), t.events().getFirst().seq());
        assertEquals(t.events(), t.eventsFrom(0), "asking from a dropped index gives the kept ones");
        for (long k = t.firstIndex(); k < 5000; k++) {
            assertEquals(expected[(int) k], t.snapshotAt(k), "snapshot " + k);
        }
        assertEquals(4999, t.latest().socket("P1", 5).inq());
        assertThrows(IndexOutOfBoundsException.class, () -> t.snapshotAt(t.firstIndex() - 1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.event(0));
    }

    @Test
    void capacityBelowOneCheckpointIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Trace(10));
    }
}
