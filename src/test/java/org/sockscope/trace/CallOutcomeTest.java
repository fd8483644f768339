package org.sockscope.trace;

import org.junit.jupiter.api.Test;
import org.sockscope.posix.Errno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loop's log text says how many calls it made, what the last returned and why it stopped; one call's is its return. */
class CallOutcomeTest {

    @Test
    void aLoopSaysItsCallsItsLastReturnAndWhyItStopped() {
        CallOutcome fill = new CallOutcome(13_000, 0, 5, -1, Errno.EAGAIN, CallOutcome.Stop.EAGAIN,
                40_000, 0, 0, 2_000_000, 1_500_000, 100_000, 13_000);
        assertEquals("13000 (5 calls, 13,000 bytes in all, last returned -1 EAGAIN/EWOULDBLOCK, stopped: EAGAIN)", fill.logText());
        assertFalse(fill.blocked());
        assertEquals(2_000_000, fill.durationNanos(), "a loop shows its wall time");
    }

    @Test
    void oneCallIsItsReturnAndItsTimeInTheKernel() {
        CallOutcome recv = new CallOutcome(100, 0, 3_000_000, true);
        assertEquals("100", recv.logText());
        assertTrue(recv.blocked());
        assertEquals(3_000_000, recv.durationNanos());
    }
}
