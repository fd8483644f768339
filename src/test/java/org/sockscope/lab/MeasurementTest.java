package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call's CPU time and its wait for a CPU happened within its wall time: CPU + waiting ≤ wall, for every call. */
class MeasurementTest extends LabTestBase {

    @Test
    void cpuPlusWaitingNeverExceedsWallTime() throws Exception {
        Actor a = lab.actor("a");
        Lab.Connection c = lab.connect("a", "a", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        List<String> over = new ArrayList<>();
        int n = 0;
        for (int round = 0; round < 40; round++) {
            List<Call> calls = List.of(
                    new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT),           // returns at once
                    new Call.Pause(200),                                                // sleeps
                    new Call.Repeat(new Call.Recv(c.serverFd(), 100, LinuxAbi.MSG_DONTWAIT), new Until.Never(), 2000)); // busy
            for (Call call : calls) {
                CallOutcome o = Await.result(a.submit(call), T);
                n++;
                if (o.cpuNanos() >= 0 && o.waitNanos() >= 0 && o.cpuNanos() + o.waitNanos() > o.wallNanos()) {
                    over.add(call.spec().text() + ": cpu " + o.cpuNanos() + " + wait " + o.waitNanos() + " > wall " + o.wallNanos());
                }
            }
        }
        System.out.println("MeasurementTest: " + over.size() + " of " + n + " calls had CPU + waiting > wall");
        assertTrue(over.isEmpty(), over.size() + " of " + n + ": " + over.stream().limit(5).toList());
    }
}
