package org.sockscope.ui.playground;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.cli.RunCommand;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Errno;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.ScenarioWriter;
import org.sockscope.scenario.ScenarioWriter.Entry;
import org.sockscope.scenario.ScenarioWriter.State;
import org.sockscope.scenario.SetupAction;
import org.sockscope.scenario.Step;
import org.sockscope.scenario.TcpSpec;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Save as scenario, below the window: the view-model on a real lab does what a teacher does,
 * saves it, and the file loads and runs as {@code sockscope run FILE --check} runs it, every
 * expectation met. The test thread plays the FX thread.
 */
class SaveScenarioTest {
    private final Lab lab = new Lab();
    private final PlaygroundViewModel vm = new PlaygroundViewModel(lab);
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        assertTrue(vm.close(1000), "the lab closes within a second");
    }

    private static void waitFor(double seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
    }

    private void connect() {
        vm.rebuild();
        waitFor(10, "the connection", () -> {
            vm.refresh();
            return !vm.rebuildingProperty().get() && vm.process(Side.CLIENT).get().fd() >= 0
                    && vm.process(Side.SERVER).get().fd() >= 0;
        });
        assertEquals("", vm.errorProperty().get());
    }

    /** Waits until the newest call has settled as {@code state} (returned, or seen asleep); returns it. */
    private Entry settled(State state) {
        waitFor(5, "the call to be " + state, () -> {
            vm.refresh();
            return vm.recordedCalls().getLast().state() == state;
        });
        return vm.recordedCalls().getLast();
    }

    private static String get(CompletableFuture<String> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** {@code sockscope run FILE --check}: its exit status, and what it printed. */
    private static Run runCheck(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(List.of(file.toString(), "--check"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }

    @Test
    void whatWasDoneIsSavedCallByCallAndPassesRunCheck() throws Exception {
        connect(); // SO_SNDBUF = SO_RCVBUF = 4096 on both ends: a 20000-byte send cannot fit
        vm.recv(Side.SERVER, 100, false);
        settled(State.ASLEEP);
        vm.send(Side.CLIENT, 20000, true);
        Entry send = settled(State.RETURNED);
        long sent = send.outcome().ret();
        assertTrue(sent > 100 && sent < 20000, "a send into a full buffer copies part: " + sent);
        waitFor(5, "P2's recv woken by P1's bytes", () -> vm.recordedCalls().getFirst().state() == State.RETURNED);
        vm.recv(Side.SERVER, 100, false);
        settled(State.RETURNED);
        vm.recv(Side.CLIENT, 100, true);
        Entry eagain = settled(State.RETURNED);
        assertEquals(Errno.EAGAIN, eagain.outcome().errno(), "nothing came P1's way");
        vm.closeSocket(Side.CLIENT);
        settled(State.RETURNED);

        Path file = dir.resolve("playground.yaml");
        String status = get(vm.saveScenario(file));
        assertTrue(status.startsWith("Saved 5 steps as a scenario to " + file), status);

        Scenario s = ScenarioLoader.load(file);
        assertEquals(List.of(
                        "P2 recv(conn.server, r_buf, 100, 0) [returns 100, blocks]",
                        "P1 send(conn.client, s_buf, 20000, MSG_DONTWAIT) [returns partial, not blocks]",
                        "P2 recv(conn.server, r_buf, 100, 0) [returns 100, not blocks]",
                        "P1 recv(conn.client, r_buf, 100, MSG_DONTWAIT) [fails EAGAIN, not blocks]",
                        "P1 close(conn.client) [returns 0]"),
                s.steps().stream().map(SaveScenarioTest::describe).toList(), Files.readString(file));
        assertTrue(Files.readString(file).contains("# returned " + sent + " of 20000 here"),
                "the partial count seen is kept in a comment");

        Run run = runCheck(file);
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("expectations: 9 passed, 0 failed"), run.out());
        assertFalse(run.out().contains("EXPECTATION FAILED"), run.out());
    }

    private static String describe(Step st) {
        return st.process() + " " + st.call().text() + " " + st.expect();
    }

    /** Connects with these options, makes one send, saves: the file loaded. */
    private Scenario savedWith(SocketOptions client, SocketOptions server, Path file) throws Exception {
        vm.clientOptionsProperty().set(client);
        vm.serverOptionsProperty().set(server);
        connect();
        vm.send(Side.CLIENT, 10, false);
        settled(State.RETURNED);
        get(vm.saveScenario(file));
        return ScenarioLoader.load(file);
    }

    @Test
    void bufferSizesAndNodelayRoundTripEqualOrPerEnd() throws Exception {
        Path file = dir.resolve("per-end.yaml");
        Scenario perEnd = savedWith(new SocketOptions(8192, 4096, true), new SocketOptions(6144, 4096, false), file);
        TcpSpec tcp = perEnd.setup().tcp().getFirst();
        assertEquals(OptionalInt.of(4096), tcp.rcvbuf(), "the same on both ends: the connection's rcvbuf");
        assertEquals(OptionalInt.empty(), tcp.sndbuf(), "different: not the connection's");
        assertFalse(tcp.nodelay());
        assertEquals(List.of("setsockopt(conn.client, SOL_SOCKET, SO_SNDBUF, 8192)",
                        "setsockopt(conn.server, SOL_SOCKET, SO_SNDBUF, 6144)",
                        "setsockopt(conn.client, IPPROTO_TCP, TCP_NODELAY, 1)"),
                perEnd.setup().actions().stream().map(SetupAction::call).map(c -> c.text()).toList());
        // The kernel's send-buffer sizes in the playground are those of the scenario's run.
        long p1 = vm.process(Side.CLIENT).get().socket().send().capacity();
        long p2 = vm.process(Side.SERVER).get().socket().send().capacity();
        assertEquals(List.of(16384L, 12288L), List.of(p1, p2), "the kernel stores twice what was asked");
        Run run = runCheck(file);
        assertEquals(0, run.status(), run.out() + run.err());
        String firstFigures = run.out().lines().filter(l -> l.contains("send queue")).limit(2).toList().toString();
        assertTrue(firstFigures.contains(") of " + p1 + "]") || firstFigures.contains(") of " + p1 + ","), firstFigures);
        assertTrue(firstFigures.contains(") of " + p2 + "]") || firstFigures.contains(") of " + p2 + ","), firstFigures);

        Scenario same = savedWith(new SocketOptions(4608, 2304, true), new SocketOptions(4608, 2304, true), dir.resolve("same.yaml"));
        TcpSpec both = same.setup().tcp().getFirst();
        assertEquals(List.of(OptionalInt.of(4608), OptionalInt.of(2304), true),
                List.of(both.sndbuf(), both.rcvbuf(), both.nodelay()));
        assertEquals(List.of(), same.setup().actions());
        assertEquals(1, same.steps().size(), "the calls before the rebuild were on a connection that is gone");
    }

    @Test
    void withNothingDoneTheSaveSaysSoAndWritesNoFile() {
        Path file = dir.resolve("nothing.yaml");
        ExecutionException none = assertThrows(ExecutionException.class, () -> get(vm.saveScenario(file)));
        assertTrue(none.getCause() instanceof ScenarioWriter.NothingToWrite, none.toString());
        assertTrue(none.getCause().getMessage().startsWith("Nothing to save: no connection is up"), none.getCause().getMessage());
        connect();
        ExecutionException noCall = assertThrows(ExecutionException.class, () -> get(vm.saveScenario(file)));
        assertTrue(noCall.getCause().getMessage().startsWith("Nothing to save yet: make at least one call"),
                noCall.getCause().getMessage());
        assertFalse(Files.exists(file), "no empty scenario is written");
    }

    @Test
    void aCallStillAsleepIsExpectedToBlockAndAWriteErrorSaysWhichFileAndWhy() throws Exception {
        connect();
        vm.recv(Side.SERVER, 100, false);
        settled(State.ASLEEP);
        Path missing = dir.resolve("no-such-folder").resolve("x.yaml");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> get(vm.saveScenario(missing)));
        String why = failed.getCause().getMessage();
        assertTrue(why.startsWith("Could not save the scenario to " + missing + ": no such folder or file ("), why);
        assertFalse(Files.exists(missing.getParent()), "nothing was made on the way");

        Path file = dir.resolve("asleep.yaml");
        get(vm.saveScenario(file));
        String yaml = Files.readString(file);
        assertTrue(yaml.contains("expect: {blocks: true}   # still asleep in the kernel when saved"), yaml);
        Run run = runCheck(file);
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("BLOCKED: asleep in recvfrom") && run.out().contains("expectations: 1 passed, 0 failed"), run.out());

        // Cancel wakes it (shutdown from outside): saved as another thread of P2's process doing that.
        vm.cancel(Side.SERVER);
        waitFor(5, "the cancelled recv to return and Cancel to be recorded", () -> {
            vm.refresh();
            return vm.recordedCalls().size() == 2 && vm.recordedCalls().getFirst().state() == State.RETURNED;
        });
        assertEquals(State.CANCEL, vm.recordedCalls().getLast().state());
        Path cancelled = dir.resolve("cancelled.yaml");
        get(vm.saveScenario(cancelled));
        Scenario s = ScenarioLoader.load(cancelled);
        assertEquals(List.of("P2 recv(conn.server, r_buf, 100, 0) [returns 0, blocks]", "P2_cancel shutdown(conn.server, SHUT_RDWR) []"),
                s.steps().stream().map(SaveScenarioTest::describe).toList(), Files.readString(cancelled));
        Run again = runCheck(cancelled);
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("expectations: 2 passed, 0 failed"), again.out());
    }
}
