package org.sockscope.bench.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Await;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Trace;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.replay.ReplayViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

/**
 * Not a test (surefire runs *Test classes; this one only when named): how long a replay takes to
 * jump to the end of a long recording and to step back from there (a fresh fold from the start), on
 * the FX thread, each followed by the first frame. 12,000 send/recv pairs on 127.0.0.1 make the recording.
 * {@code ./mvnw -q -o test -Dtest=ReplayBackBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@ExtendWith(ApplicationExtension.class)
class ReplayBackBench {
    @Start
    void start(Stage s) {
    }

    @Test
    void measure() throws Exception {
        Trace t;
        long period;
        try (Lab lab = new Lab(60, new Trace(1 << 20))) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
            Actor p1 = lab.actor("P1");
            Actor p2 = lab.actor("P2");
            for (int i = 0; i < 12000; i++) {
                Await.result(p1.submit(new Call.Send(c.clientFd(), 10, 0)), Duration.ofSeconds(5));
                Await.result(p2.submit(new Call.Recv(c.serverFd(), 10, 0)), Duration.ofSeconds(5));
            }
            t = Trace.of(lab.trace().events());
            period = lab.samplerPeriodNanos();
        }
        Recording r = new Recording(RecordingHeader.playground(t, period), t);
        ReplayViewModel vm = Fx.on(() -> new ReplayViewModel(r));
        long a = System.nanoTime();
        Fx.run(vm::toEnd);
        long b = System.nanoTime();
        Fx.run(() -> vm.playgroundProperty().get().refresh());
        long c2 = System.nanoTime();
        Fx.run(vm::previous);
        long d = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertEquals(vm.moments() - 2, (int) Fx.on(() -> vm.positionProperty().get()),
                "one step back from the end: the times above are of the step they name");
        Fx.run(() -> vm.playgroundProperty().get().refresh());
        long e = System.nanoTime();
        System.out.printf("replay of %d events, %d moments: to the end %.0f ms + first frame %.0f ms; one step back %.0f ms + first frame %.0f ms%n", t.size(), vm.moments(),
                (b - a) / 1e6, (c2 - b) / 1e6, (d - c2) / 1e6, (e - d) / 1e6);
    }
}
