package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;
import org.sockscope.trace.Event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load process driving many clients with a few epoll loops (client_loop), as 10,000 connections need. */
class LoadLoopsTest {

    @Test
    void twoLoopsDriveSixClientsThroughEveryExchange() throws Exception {
        try (Lab lab = new Lab()) {
            List<Event.CallReturned> loops = clientLoops(lab);
            Results r = LabRun.run(lab, Model.EPOLL, new Workload(6, 3, 2000, 0, 0, 0), RunOptions.DEFAULTS.withLoadLoops(2));
            assertEquals(18, r.clients().requests().size(), r.table());
            for (int c = 0; c < 6; c++) {
                int client = c;
                List<Integer> indices = r.clients().requests().stream().filter(q -> q.client() == client)
                        .map(LoadClients.Request::index).sorted().toList();
                assertEquals(List.of(0, 1, 2), indices, "client " + c + " made its three exchanges");
            }
            assertTrue(r.clients().requests().stream().allMatch(q -> q.startNanos() < q.endNanos()));
            assertEquals(2, loops.size(), "one client_loop call per loop");
            assertEquals(6 * 3 * 2000 * 2L, loops.stream().mapToLong(c -> c.outcome().total()).sum(),
                    "every request sent and every response received, byte for byte");
        }
    }

    @Test
    void theLoadsLoopsAreNotThePoolsLoops() throws Exception {
        try (Lab lab = new Lab()) {
            List<Event.CallReturned> loops = clientLoops(lab);
            java.util.Set<String> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
            lab.trace().addListener(e -> {
                if (e instanceof Event.CallReturned c && c.call().name().equals("epoll_create1")) {
                    waiting.add(c.actor());
                }
            });
            Results r = LabRun.run(lab, Model.POOL_OF_EPOLL_LOOPS, new Workload(4, 1, 300, 0, 0, 0), RunOptions.DEFAULTS.withLoadLoops(2));
            assertEquals(4, r.clients().requests().size(), r.table());
            assertEquals(2, loops.size());
            assertTrue(loops.stream().noneMatch(c -> waiting.contains(c.actor())),
                    "the load's loops " + loops.stream().map(Event.CallReturned::actor).toList() + " are not the server's " + waiting);
        }
    }

    @Test
    void aSlowClientKeepsItsThreadWhileTheLoopsServeTheOthers() throws Exception {
        try (Lab lab = new Lab()) {
            Results r = LabRun.run(lab, Model.SELECT, new Workload(5, 1, 300, 0, 1, 30_000), RunOptions.DEFAULTS.withLoadLoops(2));
            assertEquals(5, r.clients().requests().size());
            assertFalse(r.clients().stallTimedOut(), "the loops' clients finished, which ended the stall");
            long othersLast = r.clients().requests().stream().filter(q -> q.client() != 0).mapToLong(LoadClients.Request::endNanos).max().orElseThrow();
            long slow = r.clients().requests().stream().filter(q -> q.client() == 0).findFirst().orElseThrow().endNanos();
            assertTrue(othersLast < r.clients().stallEndNanos() && r.clients().stallEndNanos() < slow,
                    "the others, then the stall's end, then the slow client's answer");
        }
    }

    private static List<Event.CallReturned> clientLoops(Lab lab) {
        List<Event.CallReturned> out = Collections.synchronizedList(new ArrayList<>());
        lab.trace().addListener(e -> {
            if (e instanceof Event.CallReturned c && c.call().name().equals("client_loop")) {
                out.add(c);
            }
        });
        return out;
    }
}
