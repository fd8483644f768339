package org.sockscope.trace;

import org.sockscope.lab.Actor;
import org.sockscope.lab.Await;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;

import java.time.Duration;

/**
 * A run of real calls on 127.0.0.1 for the trace and replay tests: a connection and a pipe between
 * P1 and P2, a recv() that blocks until P1 sends, small sends and recvs, non-blocking sends until
 * EAGAIN, and P2 closing its end.
 */
public final class SomeCalls {
    private static final Duration T = Duration.ofSeconds(5);

    private SomeCalls() {
    }

    /** The lab's trace after the run, and its sampler's period. */
    public record Run(Trace trace, long samplerPeriodNanos) {
    }

    public static Run record() throws Exception {
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
            return new Run(lab.trace(), lab.samplerPeriodNanos());
        }
    }
}
