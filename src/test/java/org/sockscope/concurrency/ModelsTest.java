package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockscope.lab.Lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's server models on real loopback sockets, their calls made by lab actors (threads of this JVM here). */
class ModelsTest {

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyModelServesEveryRequestOfItsWorkload(Model model) throws Exception {
        Workload load = new Workload(4, 3, 3000, 0, 0, 0);
        try (Lab lab = new Lab()) {
            Results r = LabRun.run(lab, model, load);
            assertEquals(12, r.clients().requests().size(), "every request answered with all its bytes");
            assertTrue(r.server().errors.isEmpty(), r.table());
            assertTrue(r.server().calls.sum() >= 4 * (1 + 3 * 2 + 2), "accept, recv and send per request, the last recv and close: " + r.table());
        }
    }

    @Test
    void theIterativeServersOtherClientsWaitForTheSlowOne() throws Exception {
        Workload load = new Workload(3, 1, 200, 0, 1, 2000);
        try (Lab lab = new Lab()) {
            LoadClients.Done d = LabRun.run(lab, Model.ITERATIVE, load).clients();
            assertTrue(d.stallTimedOut(), "the others could not finish while the server sat in the slow client's recv()");
            assertTrue(d.requests().stream().filter(q -> q.client() != 0).allMatch(q -> q.endNanos() > d.stallEndNanos()),
                    "every other client was answered after the stall ended");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"THREAD_PER_CONNECTION", "SELECT"})
    void concurrentServersServeTheOthersDuringTheStall(Model model) throws Exception {
        Workload load = new Workload(3, 1, 200, 0, 1, 30_000);
        try (Lab lab = new Lab()) {
            LoadClients.Done d = LabRun.run(lab, model, load).clients();
            assertFalse(d.stallTimedOut(), "the others finished, which ended the stall");
            assertTrue(d.othersDoneNanos() <= d.stallEndNanos());
        }
    }
}
