package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.sockscope.posix.Libc;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SockScope's rule for "Which benefit is the most critical?", and the pinning it relies on. */
class BenefitRuleTest {

    @Test
    void theLargerRatioNamesTheCriticalBenefit() {
        assertEquals("B, multi-core parallelism", Benefit.verdict(1.8, 1.0), "CPU-heavy requests: a second CPU doubles it");
        assertEquals("C, I/O overlapping", Benefit.verdict(1.0, 4.0), "a slow client: overlapping its wait is what counts");
        assertEquals("D (neither B nor C adds 10 %)", Benefit.verdict(1.05, 1.02));
        assertTrue(Benefit.RULE.contains("A (modular code) is not a throughput"));
    }

    @Test
    void aThreadPinnedToOneCpuIsAllowedOnlyThatCpu() throws Exception {
        BitSet[] seen = new BitSet[2];
        Thread t = Thread.ofPlatform().start(() -> {
            BitSet zero = new BitSet();
            zero.set(0);
            seen[0] = Libc.getAffinity(0);
            Libc.setAffinity(Libc.gettid(), zero);
            seen[1] = Libc.getAffinity(0);
        });
        t.join(5000);
        assertTrue(seen[0] != null && seen[0].cardinality() >= 1, "before: " + seen[0]);
        assertEquals("{0}", String.valueOf(seen[1]), "after sched_setaffinity(tid, {0})");
        assertEquals(seen[0], Libc.getAffinity(0), "this thread kept its own CPUs");
    }
}
