package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;
import org.sockscope.trace.Event;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run with the kernel readings off, to measure what observing costs: the same calls, no samples. */
class ObservationOffTest {

    @Test
    void withReadingsOffTheRunServesEverythingAndTakesNoKernelSample() throws Exception {
        try (Lab lab = new Lab()) {
            AtomicInteger samples = new AtomicInteger();
            AtomicInteger returned = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean clientsStarted = new java.util.concurrent.atomic.AtomicBoolean();
            lab.trace().addListener(e -> {
                if (e instanceof Event.KernelSample && clientsStarted.get()) {
                    samples.incrementAndGet();
                } else if (e instanceof Event.CallReturned c) {
                    returned.incrementAndGet();
                    clientsStarted.compareAndSet(false, c.call().name().equals("connect"));
                }
            });
            RunOptions off = RunOptions.DEFAULTS.withRecording(false);
            Results r = LabRun.run(lab, Model.SELECT, new Workload(3, 2, 500, 0, 0, 0), off);
            assertEquals(6, r.clients().requests().size());
            assertTrue(clientsStarted.get());
            assertEquals(0, samples.get(), "no kernel reading from the first client's connect() on");
            assertTrue(returned.get() > 0, "the calls are still made, measured and recorded");
            assertTrue(r.acceptQueue().samples().isEmpty());
            assertTrue(r.figures().stream().anyMatch(f -> f.name().startsWith("kernel readings") && f.value().startsWith("off")), r.table());
            assertFalse(lab.sampler().paused(), "the run turned the readings back on at its end");
        }
    }
}
