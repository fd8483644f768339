package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener's accept queue, read from the kernel (TCP_INFO) while the run goes on. */
class AcceptQueueTest {

    @Test
    void connectionsWaitInTheAcceptQueueWhileTheIterativeServerSitsInTheSlowClientsRecv() throws Exception {
        Workload load = new Workload(4, 1, 200, 0, 1, 1500);
        try (Lab lab = new Lab()) {
            Results r = LabRun.run(lab, Model.ITERATIVE, load);
            AcceptQueue.Series q = r.acceptQueue();
            assertEquals("", q.problem());
            assertEquals(16, q.backlog(), "listen(…, 16): tcpi_sacked is the backlog");
            assertEquals(3, q.peak(), "the three other clients' connections, completed by the kernel, waiting to be accepted");
            long firstFull = q.samples().stream().filter(s -> s.queue() == 3).findFirst().orElseThrow().atNanos();
            assertTrue(firstFull < r.clients().stallEndNanos(), "they waited in the queue before the stall ended");
            assertTrue(q.samples().stream().filter(s -> s.atNanos() > r.clients().requests().stream()
                    .mapToLong(LoadClients.Request::endNanos).max().orElseThrow()).allMatch(s -> s.queue() == 0),
                    "every connection accepted once every client was answered: " + q.sketch(40));
            assertTrue(q.samples().size() > 4 * 8, "read every 5 ms through the stall: " + q.samples().size());
            assertTrue(r.server().calls.sum() <= 4 * 8, "accept, recv, send, the last recv and close per client: the probe's"
                    + " calls are not the server's: " + r.table());
            assertTrue(r.figures().stream().filter(f -> f.name().startsWith("listener accept queue")).allMatch(f -> f.source().startsWith("kernel")));
        }
    }
}
