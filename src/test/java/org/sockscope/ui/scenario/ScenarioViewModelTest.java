package org.sockscope.ui.scenario;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.LogEntry;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view-model on real sockets, driven like the view drives it: commands, then frames
 * ({@code refresh()}) until the answer is on screen. No window: the test thread plays the FX thread.
 */
@ExtendWith(org.sockscope.testing.ThreadActors.class)
class ScenarioViewModelTest {
    private final ScenarioViewModel vm = new ScenarioViewModel();

    @AfterEach
    void close() {
        assertTrue(vm.close(1000), "the session closes within a second");
    }

    /** Frames until {@code condition} holds (bounded). */
    private void frames(double seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, () -> {
                vm.refresh();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what
                    + " (message: " + vm.messageProperty().get() + ", error: " + vm.errorProperty().get() + ")", e);
        }
    }

    private void load(String id) {
        frames(10, "the catalogue", () -> !vm.busyProperty().get());
        vm.loadBundled(id);
        frames(10, "set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
    }

    private void step() {
        int before = vm.stepsRunProperty().get();
        vm.next();
        frames(10, "step " + (before + 1), () -> vm.stepsRunProperty().get() == before + 1 && !vm.busyProperty().get());
    }

    private ColumnState column(String process) {
        return vm.screenProperty().get().columns().stream().filter(c -> c.process().equals(process)).findFirst().orElseThrow();
    }

    @Test
    void catalogueListsEveryBundledScenarioWithTitleAndSlide() {
        frames(10, "the catalogue", () -> !vm.catalogueProperty().get().isEmpty());
        List<ScenarioFiles.Entry> list = vm.catalogueProperty().get();
        assertTrue(list.size() >= 10);
        ScenarioFiles.Entry recv = list.stream().filter(e -> e.id().equals("03_recv_empty_vs_100")).findFirst().orElseThrow();
        assertEquals("recv()", recv.slide());
        assertTrue(recv.title().startsWith("recv()"));
    }

    @Test
    void aBlockedStepIsAStepAndALaterStepWakesIt() {
        load("03_recv_empty_vs_100");
        assertEquals(3, vm.screenProperty().get().columns().size(), "one column per process");
        step(); // the peer sends 100 to app_100
        frames(5, "100 bytes queued for app_100", () -> column("app_100").sockets().getFirst().state().receive().total() == 100);
        ColumnState.Card card = column("app_100").sockets().getFirst();
        assertTrue(card.receive() && !card.send(), "the card draws the buffer the scenario uses: " + card);
        step(); // app_empty: recv on an empty buffer
        frames(5, "app_empty blocked", () -> column("app_empty").lane().status() == LaneState.Status.BLOCKED);
        Screen s = vm.screenProperty().get();
        assertTrue(s.title().startsWith("Step 2 of 4"), s.title());
        assertTrue(s.call().startsWith("recv(empty.client="), s.call());
        assertTrue(s.code().get("app_empty").current() && s.code().get("app_empty").blocked());
        assertEquals(List.of(3), s.code().get("app_empty").lines());
        LogEntry line = vm.highlightedProperty().get();
        assertNotNull(line, "the blocked call's log line is highlighted");
        assertEquals(LogEntry.Kind.BLOCKED, line.kind());
        step();
        step(); // the peer sends 50: app_empty wakes with 50
        frames(5, "app_empty returned 50", () -> column("app_empty").lane().status() == LaneState.Status.RETURNED
                && column("app_empty").lane().result().equals("50"));
        assertEquals(50, column("app_empty").app().copied());
        assertEquals("r_buf", column("app_empty").app().name());
    }

    @Test
    void previousReviewsTheRecordedSnapshotAndNextReturnsToLive() {
        load("03_recv_empty_vs_100");
        step();
        step();
        step();
        frames(5, "app_100 got its 100 bytes", () -> column("app_100").lane().result().equals("100"));
        vm.previous();
        frames(2, "review of step 2", () -> vm.reviewingProperty().get() && vm.screenProperty().get().title().startsWith("Step 2"));
        assertEquals(LaneState.Status.IDLE, column("app_100").lane().status(), "before step 3, app_100 had made no call");
        assertEquals(100, column("app_100").sockets().getFirst().state().receive().total(), "and its 100 bytes were queued");
        assertTrue(vm.log().stream().noneMatch(e -> e.process().equals("app_100")), "the log stops at the reviewed moment");
        vm.previous();
        vm.previous();
        frames(2, "review of the set-up", () -> vm.positionProperty().get() == 0);
        assertEquals(0, column("app_100").sockets().getFirst().state().receive().total());
        vm.next();
        vm.next();
        vm.next();
        frames(2, "live again", () -> !vm.reviewingProperty().get() && vm.positionProperty().get() == 3);
        assertEquals(3, vm.stepsRunProperty().get(), "reviewing ran nothing");
    }

    @Test
    void runAgainToHereReplaysOnAFreshLab() {
        load("03_recv_empty_vs_100");
        step();
        step();
        ScenarioSession first = vm.session();
        vm.previous();
        frames(2, "review", () -> vm.reviewingProperty().get());
        vm.runAgainToHere();
        frames(10, "replayed to step 1", () -> vm.session() != first && vm.readyProperty().get() && !vm.busyProperty().get()
                && vm.stepsRunProperty().get() == 1);
        assertFalse(vm.reviewingProperty().get());
        assertEquals(1, vm.positionProperty().get());
        vm.reset();
        frames(10, "reset", () -> vm.readyProperty().get() && !vm.busyProperty().get() && vm.stepsRunProperty().get() == 0);
    }

    @Test
    void revealMatchesTheKernelAndShowsEvidence() {
        load("03_recv_empty_vs_100");
        step();
        frames(2, "predict", () -> vm.predictNowProperty().get());
        vm.pick("A");
        assertEquals("A", vm.pickProperty().get());
        vm.reveal();
        frames(10, "the verdict", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get());
        Verdict v = vm.verdictProperty().get();
        assertEquals(vm.session().matchingChoices(), v.letters());
        assertEquals(2, v.evidence().size());
        Verdict.Evidence empty = v.evidence().getFirst();
        assertTrue(empty.pending() && empty.blocked(), empty.toString());
        assertTrue(empty.outcome().startsWith("BLOCKED"), empty.outcome());
        assertTrue(empty.figures().contains("receive queue 0"), empty.figures());
        Verdict.Evidence hundred = v.evidence().get(1);
        assertTrue(hundred.outcome().startsWith("returned 100 of 200"), hundred.outcome());
        assertTrue(hundred.figures().contains("receive queue 100 B before → 0 B now"), hundred.figures());
        vm.pick("B");
        assertEquals("A", vm.pickProperty().get(), "picks are locked once revealed");
        step(); // the peer's send wakes app_empty: the evidence says what it did then
        frames(5, "the evidence updated", () -> !vm.verdictProperty().get().evidence().getFirst().later().isEmpty());
        assertTrue(vm.verdictProperty().get().evidence().getFirst().later().startsWith("then returned 50"));
    }

    @Test
    void aBusyVerdictShowsSockScopesRuleWithTheMeasuredFigures() {
        load("08_busy_polling");
        vm.reveal();
        frames(15, "the verdict", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get());
        Verdict v = vm.verdictProperty().get();
        assertEquals(org.sockscope.scenario.OutcomePattern.Busy.RULE, v.rule(), "the threshold is shown as SockScope's rule");
        assertEquals(List.of("poll_accept", "poll_recv"), v.evidence().stream().map(Verdict.Evidence::id).toList());
        for (Verdict.Evidence e : v.evidence()) {
            assertTrue(e.busy().matches("(busy|not busy) by SockScope's rule: on a CPU \\d+\\.\\d ms \\+ waiting for one"
                    + " \\d+\\.\\d ms = \\d+ % of \\d+\\.\\d ms wall \\((≥|<) 50 %\\)"), e.id() + ": " + e.busy());
        }
    }

    /** A question decided by a call that takes {@code micros} to return: the reveal has to wait for it. */
    private void openNap(Path dir, long micros) throws Exception {
        Path file = dir.resolve("nap.yaml");
        Files.writeString(file, """
                title: a slow answer
                slide: x
                setup:
                  processes: [app]
                question:
                  prompt: What does usleep() return?
                  choices:
                    - letter: A
                      text: zero
                      when: {nap: returns 0}
                    - letter: B
                      text: something else
                      when: otherwise
                steps:
                  - id: nap
                    process: app
                    call: usleep(%d)
                    say: app naps.
                """.formatted(micros));
        frames(10, "the catalogue", () -> !vm.busyProperty().get());
        vm.open(file);
        frames(10, "set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
    }

    @Test
    void whileTheRevealWaitsForTheKernelItSaysSoUntilTheVerdictArrives(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        openNap(dir, 600_000);
        assertEquals("", vm.revealWaitProperty().get(), "nothing to wait for before the reveal");
        vm.reveal();
        frames(5, "the waiting state", () -> !vm.revealWaitProperty().get().isEmpty());
        String waiting = vm.revealWaitProperty().get();
        assertTrue(waiting.startsWith("Waiting for the kernel…"), waiting);
        assertTrue(waiting.contains("step nap") && waiting.contains("up to 5\u00a0s"), "which step, and how long at most: " + waiting);
        assertNull(vm.verdictProperty().get(), "no verdict while it waits");
        frames(5, "the verdict", () -> vm.verdictProperty().get() != null);
        assertEquals("", vm.revealWaitProperty().get(), "cleared when the verdict arrives");
        assertEquals(List.of("A"), vm.verdictProperty().get().letters());
    }

    @Test
    void aRevealThatRunsOutOfTimeClearsTheWaitingState(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        openNap(dir, ScenarioSession.ANSWER_WAIT.toMillis() * 1000 + 400_000);
        vm.reveal();
        frames(5, "the waiting state", () -> !vm.revealWaitProperty().get().isEmpty());
        frames(10, "the reveal fails", () -> !vm.errorProperty().get().isEmpty());
        assertTrue(vm.errorProperty().get().startsWith("No answer yet"), vm.errorProperty().get());
        assertEquals("", vm.revealWaitProperty().get(), "cleared when the reveal fails");
        assertNull(vm.verdictProperty().get());
        frames(5, "the nap over (the lab then closes at once)", () -> vm.log().stream()
                .anyMatch(l -> l.call().startsWith("usleep(") && l.kind() == LogEntry.Kind.RETURNED));
    }

    @Test
    void aBadFileShowsEveryLocatedErrorAndKeepsTheScenario(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        load("02_socket_descriptor");
        step();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                title: broken
                slide: x
                setup:
                  processes: [app]
                steps:
                  - call: recvv(sock, buf, 10, 0)
                    sya: hello
                """);
        vm.open(bad);
        frames(5, "the errors", () -> !vm.loadErrorsProperty().get().isEmpty());
        assertTrue(vm.loadErrorsProperty().get().size() >= 2, vm.loadErrorsProperty().get().toString());
        assertTrue(vm.loadErrorsProperty().get().stream().allMatch(e -> e.file().endsWith("bad.yaml") && e.line() > 0));
        assertEquals("02_socket_descriptor", vm.scenarioProperty().get().id());
        assertEquals(1, vm.stepsRunProperty().get(), "the run goes on");
        step();
        vm.dismissErrors();
        assertTrue(vm.loadErrorsProperty().get().isEmpty());
        assertNull(vm.verdictProperty().get());
    }

    @Test
    void aStepTheEngineRefusesBecomesTheBannerAndTryAgainWorks(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("unbound.yaml");
        Files.writeString(file, """
                title: a name no step binds
                slide: x
                setup:
                  processes: [server]
                  listeners:
                    - {name: lis, process: server, nonblocking: true}
                steps:
                  - process: server
                    call: accept(lis)
                    as: conn
                    say: No client is waiting, so accept() fails with EAGAIN and binds nothing.
                  - process: server
                    call: recv(conn, buf, 10, MSG_DONTWAIT)
                    say: conn was never bound.
                """);
        frames(10, "the catalogue", () -> !vm.busyProperty().get());
        vm.open(file);
        frames(10, "set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
        step();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            vm.next(); // the engine waits 5 s for a step to bind conn, then refuses
            frames(10, "the banner", () -> !vm.errorProperty().get().isEmpty() && !vm.busyProperty().get());
            for (int i = 0; i < 10; i++) {
                vm.refresh();
            }
        } finally {
            System.setErr(err);
        }
        String banner = vm.errorProperty().get();
        assertTrue(banner.startsWith("Step 2 could not run: ") && banner.contains("conn"), banner);
        assertTrue(banner.endsWith("Try again sets the scenario up again on a fresh lab."), "it says what to do: " + banner);
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().filter(l -> l.startsWith("SockScope: ")).count(), "logged once:\n" + log);
        assertTrue(log.contains("step 2 of “a name no step binds” failed") && log.contains("\tat "), log);
        assertFalse(vm.busyProperty().get(), "nothing stays busy");
        assertTrue(vm.readyProperty().get(), "the session is still there");
        assertEquals(1, vm.stepsRunProperty().get());

        vm.reset(); // what ⟲ Try again does
        frames(10, "a fresh lab", () -> vm.readyProperty().get() && !vm.busyProperty().get() && vm.stepsRunProperty().get() == 0);
        assertEquals("", vm.errorProperty().get());
        step();
        assertTrue(vm.log().stream().anyMatch(l -> l.call().startsWith("accept(") && l.errno().equals("EAGAIN")),
                "the step ran again on the fresh lab: " + vm.log());
    }

    @Test
    void anOpenedFileReloadsWhenItChangesOnDiskAtTheSameStep(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("assets/scenarios/10_peer_closes.yaml"));
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, text);
        frames(10, "the catalogue", () -> !vm.busyProperty().get());
        vm.open(file);
        frames(10, "set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
        step();
        step();
        Files.writeString(file, text.replace("title: \"The peer closes", "title: \"Edited: the peer closes"));
        frames(20, "the edited file loaded and run to step 2", () -> vm.scenarioProperty().get().title().startsWith("Edited")
                && vm.readyProperty().get() && !vm.busyProperty().get() && vm.stepsRunProperty().get() == 2);
        Files.writeString(file, text.replace("steps:", "stepz:"));
        frames(20, "the broken file's problems", () -> !vm.loadErrorsProperty().get().isEmpty());
        assertTrue(vm.scenarioProperty().get().title().startsWith("Edited"), "the scenario as it was stays loaded");
    }
}
