package org.sockscope.ui.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.trace.Slot;
import org.sockscope.trace.Snapshot;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.SocketCardState;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot and reports of a real run → what the scenario mode draws. Plain JUnit: no JavaFX needed. */
@ExtendWith(org.sockscope.testing.ThreadActors.class)
class ScreenMapperTest {

    private static Screen screen(ScenarioSession s, ScreenMapper m, int position) {
        Snapshot snap = s.trace().latest();
        Map<Slot, String> names = new HashMap<>();
        for (String n : List.of("full.client", "full.server", "room.client", "room.server", "p.read", "p.write")) {
            s.slot(n).ifPresent(slot -> names.put(slot, n));
        }
        return m.map(snap, StreamLedger.of(s.trace().events()), s.reports(), names, position, false);
    }

    /** The kernel's latest figures of the socket a scenario name is bound to. */
    private static SocketFigures socket(ScenarioSession s, String name) {
        Slot slot = s.slot(name).orElseThrow();
        return s.trace().latest().socket(slot.process(), slot.fd());
    }

    private static ColumnState column(Screen s, String process) {
        return s.columns().stream().filter(c -> c.process().equals(process)).findFirst().orElseThrow();
    }

    @Test
    void aListenerShowsItsAcceptQueueAndNoDataBuffers() throws Exception {
        Scenario sc = ScenarioLoader.loadBundled("08_busy_polling");
        try (ScenarioSession s = new ScenarioSession(sc)) {
            int fd = s.fd("server_socket").orElseThrow();
            Screen screen = screen(s, new ScreenMapper(sc), 0);
            ColumnState.Card card = column(screen, "server").sockets().stream().filter(c -> c.state().fd() == fd)
                    .findFirst().orElseThrow();
            SocketFigures kernel = socket(s, "server_socket");
            assertTrue(kernel.listening());
            assertEquals(new SocketCardState.AcceptQueue(kernel.unacked(), kernel.sacked()), card.state().listener());
            assertEquals(sc.setup().listeners().getFirst().backlog().orElse(16), card.state().listener().backlog(),
                    "tcpi_sacked of a listener is the backlog listen() was given");
            assertTrue(!card.send() && !card.receive(), "a listener has no data queues to draw");
        }
    }

    @Test
    void aFilledConnectionShowsTheKernelsFiguresInTheBuffersItUses() throws Exception {
        Scenario sc = ScenarioLoader.loadBundled("04a_send_blocking");
        try (ScenarioSession s = new ScenarioSession(sc)) {
            ScreenMapper m = new ScreenMapper(sc);
            Screen before = screen(s, m, 0);
            assertTrue(before.title().startsWith("Set up"), before.title());
            assertTrue(before.narration().contains("Press Space"));
            assertTrue(before.code().isEmpty(), "no line marked before step 1");

            int fd = s.fd("full.client").orElseThrow();
            SocketFigures kernel = socket(s, "full.client");
            ColumnState.Card card = column(before, "app_full").sockets().getFirst();
            assertTrue(card.send() && !card.receive(), "app_full sends: its send buffer is drawn");
            assertEquals(fd, card.state().fd());
            assertEquals("full.client", card.state().label());
            assertEquals(kernel.notSent(), card.state().send().bytes(Kind.NOT_SENT), "not sent = SIOCOUTQNSD");
            assertEquals(kernel.sndbuf(), card.state().send().capacity(), "capacity = SO_SNDBUF as the kernel stores it");
            assertEquals(4096, card.state().send().requested());
            assertTrue(kernel.notSent() > 0, "fill() left bytes in the send buffer");

            int server = s.fd("full.server").orElseThrow();
            ColumnState.Card peer = column(before, "peer").sockets().stream().filter(c -> c.state().fd() == server)
                    .findFirst().orElseThrow();
            assertTrue(peer.receive() && !peer.send());
            assertEquals(socket(s, "full.server").inq(), peer.state().receive().bytes(Kind.QUEUED));

            s.step();
            Screen after = screen(s, m, 1);
            assertTrue(after.title().startsWith("Step 1 of 4 · app_full"), after.title());
            assertTrue(after.call().startsWith("send(full.client=" + fd), after.call());
            assertEquals(new Screen.CodeMark(List.of(3), true, true), after.code().get("app_full"), "line 3, asleep");
            assertEquals(LaneState.Status.BLOCKED, column(after, "app_full").lane().status());
            assertEquals("s_buf", column(after, "app_full").app().name());
            assertTrue(column(after, "app_full").app().running());
            assertEquals(s.reports().getFirst().callId(), after.highlightCallId());
        }
    }

    @Test
    void aPipeIsDrawnInBothProcessesColumns() throws Exception {
        Scenario sc = ScenarioLoader.loadBundled("01_pipe_ipc");
        try (ScenarioSession s = new ScenarioSession(sc)) {
            ScreenMapper m = new ScreenMapper(sc);
            for (int i = 0; i < 3; i++) {
                s.step();
            }
            s.settle(java.time.Duration.ofSeconds(2));
            Screen screen = screen(s, m, 3);
            ColumnState.PipeState w = column(screen, "P1").pipes().getFirst();
            ColumnState.PipeState r = column(screen, "P2").pipes().getFirst();
            assertTrue(w.writer());
            assertFalse(r.writer());
            assertEquals("p", w.name());
            assertEquals(s.trace().latest().pipe("P2", s.fd("p.read").orElseThrow()).queued(), w.queued(), "FIONREAD");
            assertEquals(w.capacity(), w.queued(), "the 64 KiB write filled the pipe");
            assertEquals(List.of(3), screen.code().get("P1").lines());
            assertTrue(screen.code().get("P1").current(), "step 3 is P1's");
            assertFalse(screen.code().get("P2").current(), "P2's last step is marked lightly");
            assertTrue(column(screen, "P1").rows().stream().allMatch(row -> row.kind().startsWith("pipe")));
        }
    }

    @org.sockscope.testing.ThreadActors.RealProcesses
    @Test
    void aKilledProcessSaysSoInItsColumnAndTheOthersGoOn() throws Exception {
        Scenario sc = ScenarioLoader.loadBundled("03_recv_empty_vs_100");
        try (ScenarioSession s = new ScenarioSession(sc)) {
            var world = (org.sockscope.lab.agent.ProcessWorld) s.world();
            var child = world.process("app_empty").orElseThrow();
            org.sockscope.posix.Processes.kill(child.pid(), org.sockscope.posix.Processes.SIGKILL);
            child.exited().get(5, java.util.concurrent.TimeUnit.SECONDS); // reaped by the app
            ScreenMapper m = new ScreenMapper(sc);
            assertEquals("pid " + child.pid() + ", was killed (signal 9)", column(screen(s, m, 0), "app_empty").where());
            assertEquals("pid " + world.process("peer").orElseThrow().pid(), column(screen(s, m, 0), "peer").where(),
                    "the other processes run on");
            assertEquals(100, s.step().outcome().ret(), "the peer's send() still works");
        }
    }

    @Test
    void aSpawnedProcessShowsTheSocketsItInheritedAndHowManyTablesHoldThem() throws Exception {
        Scenario sc = ScenarioLoader.loadBundled("12_fork_after_accept");
        try (ScenarioSession s = new ScenarioSession(sc)) {
            ScreenMapper m = new ScreenMapper(sc);
            assertEquals("not spawned yet", column(screen(s, m, 0), "handler").where());
            for (int i = 0; i < 4; i++) { // socket, connect, accept, spawn(handler)
                s.step();
            }
            // posix_spawn() may be seen asleep (the parent waits for the child's exec), so the step
            // can settle before it returns; its pid comes once the handler has reported.
            s.settle(java.time.Duration.ofSeconds(15));
            int conn = s.fd("conn").orElseThrow();
            Screen spawned = screen(s, m, 4);
            ColumnState handler = column(spawned, "handler");
            assertTrue(handler.kind().contains("spawned by server"), handler.kind());
            assertTrue(handler.where().startsWith("pid "), handler.where());
            String shared = "SO_COOKIE " + s.trace().latest().socket("server", conn).cookie() + " in 2 tables";
            assertEquals(List.of(shared), tablesNote(handler, conn), "the child's copy of conn: one socket, two tables");
            assertEquals(List.of(shared), tablesNote(column(spawned, "server"), conn));

            s.step(); // the server closes its copy
            s.settle(java.time.Duration.ofSeconds(2));
            Screen closed = screen(s, m, 5);
            assertEquals(List.of(""), tablesNote(column(closed, "handler"), conn), "only the handler holds it now");
            assertTrue(column(closed, "server").rows().stream().noneMatch(r -> r.fd() == conn && r.mine()));
        }
    }

    /** The "SO_COOKIE … in N tables" part of the state of each row for {@code fd} drawn as the column's own. */
    private static List<String> tablesNote(ColumnState c, int fd) {
        return c.rows().stream().filter(r -> r.fd() == fd && r.mine())
                .map(r -> r.state().contains(" · ") ? r.state().substring(r.state().indexOf(" · ") + 3) : "").toList();
    }
}
