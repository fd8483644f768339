package org.sockscope.trace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.LinuxAbi;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CallSpec#metered()} says which calls the call meter timed; the screen relies on it to show
 * "not measured" instead of a made-up 0. Checked on real calls: a metered call's time in the kernel
 * is above 0, an unmetered one's was never measured (the meter leaves it at 0).
 */
class MeteredCallsTest {
    private final Lab lab = new Lab();

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void meteredIsExactlyTheCallsWhoseKernelTimeWasMeasured() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor p1 = lab.actor("P1");
        List<Call> calls = List.of(new Call.Send(c.clientFd(), 100, 0), new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT),
                new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT), new Call.Pause(10),
                new Call.Drain(c.serverFd()), new Call.SetNonBlocking(c.clientFd(), true),
                new Call.Shutdown(c.clientFd(), LinuxAbi.SHUT_WR), new Call.Socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0));
        for (Call call : calls) {
            CallOutcome o = p1.submit(call).get(5, TimeUnit.SECONDS);
            CallSpec spec = call.spec();
            assertTrue(o.wallNanos() > 0, spec.text() + ": the whole entry is always timed");
            assertEquals(spec.metered(), o.syscallNanos() > 0, spec.text() + ": metered() = " + spec.metered()
                    + " but the meter measured " + o.syscallNanos() + " ns in the kernel");
        }
    }
}
