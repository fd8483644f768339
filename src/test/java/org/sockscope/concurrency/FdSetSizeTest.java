package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.Event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** select() and a connection numbered FD_SETSIZE or more; RLIMIT_NOFILE raised at the start of a run. */
class FdSetSizeTest {
    private static final RunOptions HIGH = RunOptions.DEFAULTS.withFdFloor(LinuxAbi.FD_SETSIZE);

    @Test
    void selectRefusesAConnectionNumberedFdSetSizeAndTheRunSaysSo() throws Exception {
        try (Lab lab = new Lab()) {
            List<Long> accepted = acceptedNumbers(lab);
            Results r = LabRun.run(lab, Model.SELECT, new Workload(2, 1, 100, 0, 0, 0), HIGH);
            assertTrue(accepted.getFirst() >= LinuxAbi.FD_SETSIZE, "the connection got a number past the floor: " + accepted);
            String stopped = r.notes().stopped();
            assertTrue(stopped.contains("descriptor " + accepted.getFirst()) && stopped.contains("0..1023 (FD_SETSIZE)"), stopped);
            assertTrue(r.clients().requests().isEmpty(), "no request answered: select() could not watch the connection");
            assertTrue(r.figures().stream().anyMatch(f -> f.name().equals("run stopped early") && f.value().equals(stopped)), r.table());
        }
    }

    @Test
    void pollServesTheSameConnectionsAndEachProcessReportsItsDescriptorLimit() throws Exception {
        try (Lab lab = new Lab()) {
            List<Long> accepted = acceptedNumbers(lab);
            Results r = LabRun.run(lab, Model.POLL, new Workload(2, 1, 100, 0, 0, 0), HIGH);
            assertEquals("", r.notes().stopped());
            assertEquals(2, r.clients().requests().size());
            assertTrue(accepted.stream().allMatch(fd -> fd >= LinuxAbi.FD_SETSIZE), accepted.toString());
            var limit = org.sockscope.posix.Libc.getrlimit(org.sockscope.posix.Libc.RLIMIT_NOFILE);
            assertTrue(r.notes().serverNoFile().matches("was \\d+/" + limit.hard() + " now " + limit.hard() + "/" + limit.hard()),
                    r.notes().serverNoFile());
        }
    }

    private static List<Long> acceptedNumbers(Lab lab) {
        List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
        lab.trace().addListener(e -> {
            if (e instanceof Event.CallReturned c && c.call().name().equals("accept") && !c.outcome().failed()) {
                accepted.add(c.outcome().ret());
            }
        });
        return accepted;
    }
}
