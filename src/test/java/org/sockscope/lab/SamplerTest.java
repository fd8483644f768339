package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.trace.Event;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampler polls at its rate but records only when a kernel figure changed. */
class SamplerTest {
    private static final Duration T = Duration.ofSeconds(5);

    @Test
    void idleConnectionRecordsNoNewSamples() throws Exception {
        try (Lab lab = new Lab(200)) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            Await.until(() -> SocketProbe.probe(c.clientFd()).inFlight() == 0, T, "connection settled");
            long[] before = lab.sampler().counts();
            Await.until(() -> lab.sampler().counts()[0] >= before[0] + 20, T, "20 more polls");
            long[] after = lab.sampler().counts();
            assertEquals(before[1], after[1], "nothing changed, nothing recorded");

            Await.result(lab.actor("P1").submit(new Call.Send(c.clientFd(), 100, 0)), T);
            Event.KernelSample s = Await.event(lab.trace(), Event.KernelSample.class,
                    e -> e.sockets().stream().anyMatch(f -> f.fd() == c.serverFd() && f.inq() == 100), T);
            assertTrue(s.seq() > 0);
            assertTrue(lab.sampler().counts()[1] > after[1], "a change was recorded");
        }
    }

    @Test
    void rateMustBeSensible() {
        assertThrows(IllegalArgumentException.class, () -> new Lab(0));
    }
}
