package org.sockscope.ui.scenario;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.lab.agent.ProcessWorld;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.widget.ThreadLane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario mode driven by the robot on real loopback sockets; nodes are found by #id. */
@ExtendWith({org.sockscope.testing.ThreadActors.class, ApplicationExtension.class})
class ScenarioRobotTest {
    private static final double T = 10;
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;
    private ScenarioViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.close(1000);
        }
        app.stop();
    }

    /** Switches to scenario mode with the mode switch, as a user would. */
    private void scenarios(FxRobot robot) {
        robot.clickOn("#modeScenarios");
        MainWindow w = (MainWindow) stage.getScene().getRoot();
        vm = Fx.on(() -> w.scenarioMode().view().viewModel());
        Fx.await(T, "the catalogue", () -> !vm.catalogueProperty().get().isEmpty() && !vm.busyProperty().get());
    }

    private void ready() {
        Fx.await(T, "a set-up lab", () -> vm.readyProperty().get() && !vm.busyProperty().get());
    }

    private void awaitSteps(int n) {
        Fx.await(T, n + " steps run", () -> vm.stepsRunProperty().get() == n && !vm.busyProperty().get());
    }

    private static String text(FxRobot robot, String id) {
        return Fx.on(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static boolean has(Node n, String pseudoClass) {
        return Fx.on(() -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudoClass)));
    }

    private static String allText(Node root) {
        return Fx.on(() -> root.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.joining("\n")));
    }

    @Test
    void predictThenRevealOnTheRecvClickerQuestion(FxRobot robot) {
        scenarios(robot);
        robot.clickOn("recv(): an empty buffer vs 100 bytes, when 200 are asked");
        ready();
        assertTrue(Fx.on(() -> robot.lookup("#questionPane").query().isVisible()), "the slide's question is shown");
        assertEquals("What should we do if the receive socket buffer is empty? If it has 100 bytes?",
                Fx.on(() -> ((Label) robot.lookup(".question-prompt").query()).getText()));
        Set<String> columns = Fx.on(() -> robot.lookup(".choice-column").queryAll().stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        assertEquals(List.of("Empty", "100 Bytes"), List.copyOf(columns), "the table's columns as on the slide");

        robot.clickOn("#next");
        awaitSteps(1);
        Fx.await(T, "the call to predict", () -> robot.lookup("#predictBanner").query().isVisible());

        robot.type(KeyCode.A);
        assertTrue(Fx.on(() -> robot.lookup("#choice-A").queryAs(ToggleButton.class).isSelected()), "A picked by key");
        robot.clickOn("#choice-D");
        assertTrue(Fx.on(() -> robot.lookup("#choice-D").queryAs(ToggleButton.class).isSelected()), "D picked by mouse");
        assertFalse(Fx.on(() -> robot.lookup("#choice-A").queryAs(ToggleButton.class).isSelected()), "one pick at a time");

        robot.clickOn("#reveal");
        Fx.await(T, "the reveal", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get()
                && robot.lookup("#kernelLetters").tryQuery().isPresent());
        ScenarioSession session = vm.session();
        List<String> kernel = session.matchingChoices(); // decided by the real outcome, not stored anywhere
        assertFalse(kernel.isEmpty());
        @SuppressWarnings("unchecked")
        List<String> shown = Fx.on(() -> (List<String>) robot.lookup("#kernelLetters").query().getProperties().get("letters"));
        assertEquals(kernel, shown, "the revealed letters are the kernel's");
        assertTrue(text(robot, "#kernelLetters").endsWith(String.join(" and ", kernel)));
        Set<String> marked = new TreeSet<>();
        for (String l : List.of("A", "B", "C", "D", "E")) {
            if (has(robot.lookup("#choice-" + l).query(), "kernel")) {
                marked.add(l);
            }
        }
        assertEquals(new TreeSet<>(kernel), marked, "the matching rows are marked");
        String verdict = text(robot, "#pickVerdict");
        assertEquals(kernel.contains("D"), verdict.contains("✓"), verdict);

        String evidence = allText(robot.lookup("#evidence").query());
        assertTrue(evidence.contains("recv(empty.client=") && evidence.contains("BLOCKED"), evidence);
        assertTrue(evidence.contains("returned 100 of 200 asked, without blocking"), evidence);
        assertTrue(evidence.contains("receive queue 100 B before → 0 B now"), evidence);
        assertEquals(session.scenario().revealAfterIndex().orElseThrow() + 1, vm.stepsRunProperty().get(),
                "the reveal ran the steps up to the last one the question looks at");
        String caveats = allText(robot.lookup("#caveats").query());
        assertTrue(caveats.startsWith("D: recv() returns 0 only when the peer has closed"), "the pick's caveat: " + caveats);
    }

    @Test
    void nextBackAndReset(FxRobot robot) {
        scenarios(robot);
        Fx.run(() -> vm.loadBundled("03_recv_empty_vs_100"));
        ready();
        Button next = robot.lookup("#next").queryAs(Button.class);
        assertTrue(Fx.on(() -> {
            vm.next();
            return next.isDisabled();
        }), "Next is disabled while a step is in flight");
        awaitSteps(1);
        robot.clickOn("#next");
        awaitSteps(2);
        ThreadLane lane = robot.lookup("#lane-app_empty").queryAs(ThreadLane.class);
        Fx.await(T, "app_empty blocked", () -> has(lane, "blocked"));
        assertTrue(text(robot, "#narrationTitle").startsWith("Step 2 of 4"));

        robot.type(KeyCode.LEFT);
        Fx.await(T, "review of step 1", () -> robot.lookup("#reviewBanner").query().isVisible());
        assertTrue(text(robot, "#narrationTitle").startsWith("Step 1 of 4"));
        assertTrue(has(lane, "idle"), "before step 2 app_empty had made no call");
        assertTrue(text(robot, "#reviewText").contains("can't be rewound"));
        assertEquals(2, vm.stepsRunProperty().get());

        robot.type(KeyCode.RIGHT);
        Fx.await(T, "live again", () -> !robot.lookup("#reviewBanner").query().isVisible() && has(lane, "blocked"));
        robot.type(KeyCode.SPACE);
        awaitSteps(3);
        ProcessColumn app100 = Fx.on(() -> ((ScenarioView) robot.lookup("#scenarioView").query()).column("app_100"));
        Fx.await(T, "step 3's line marked", () -> app100.code().currentLines().equals(List.of(3)));
        ScenarioView view = robot.lookup("#scenarioView").queryAs(ScenarioView.class);
        Fx.await(T, "step 3's log line selected", () -> view.highlightedLine() != null
                && view.highlightedLine().process().equals("app_100") && view.highlightedLine().kind() == LogEntry.Kind.RETURNED);

        ScenarioSession before = vm.session();
        robot.clickOn("#reset");
        Fx.await(T, "a fresh lab", () -> vm.session() != null && vm.session() != before && vm.readyProperty().get()
                && !vm.busyProperty().get());
        assertNotSame(before, vm.session());
        assertEquals(0, vm.stepsRunProperty().get());
        assertTrue(text(robot, "#narrationTitle").startsWith("Set up"));
    }

    @Test
    void theViewMenusKeysSwitchModesAndThePlaygroundComesBackAsItWas(FxRobot robot) {
        Node playground = robot.lookup("#playground").query();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.await(T, "scenario mode", () -> robot.lookup("#scenarioView").tryQuery().isPresent()
                && robot.lookup("#scenarioView").query().getScene() != null);
        vm = Fx.on(() -> ((MainWindow) stage.getScene().getRoot()).scenarioMode().view().viewModel());
        assertTrue(Fx.on(() -> robot.lookup("#modeScenarios").queryAs(ToggleButton.class).isSelected()));
        assertTrue(Fx.on(() -> playground.getScene() == null), "the playground is off screen");
        // The playground's own keys sleep while it is off screen: Ctrl+R must not reconnect it.
        var pvm = ((org.sockscope.ui.playground.PlaygroundView) playground).viewModel();
        // Read off the trace: the playground draws no frames while it is off screen.
        Fx.await(15, "the playground's connection", () -> pvm.trace().events().stream()
                .anyMatch(e -> e instanceof org.sockscope.trace.Event.Note n && n.text().startsWith("connected P1")));
        var connectedAt = pvm.trace().firstIndex() + pvm.trace().events().stream()
                .filter(e -> e instanceof org.sockscope.trace.Event.DescriptorOpened).count();
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(connectedAt, pvm.trace().firstIndex() + pvm.trace().events().stream()
                .filter(e -> e instanceof org.sockscope.trace.Event.DescriptorOpened).count(), "no new connection");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.await(T, "playground mode", () -> playground.getScene() != null);
        assertTrue(Fx.on(() -> robot.lookup("#modePlayground").queryAs(ToggleButton.class).isSelected()));
        assertTrue(Fx.on(() -> robot.lookup("#statusBar").query().getScene() != null), "its status bar is back");
    }

    @Test
    void autoplayStepsOnItsOwnPausesBeforeTheQuestionAndStopsAtTheEnd(FxRobot robot) {
        scenarios(robot);
        Fx.run(() -> vm.loadBundled("03_recv_empty_vs_100"));
        ready();
        Fx.run(() -> vm.secondsPerStepProperty().set(0.5));
        robot.clickOn("#autoplay");
        Fx.await(T, "autoplay paused before the question's step", () -> vm.stepsRunProperty().get() == 1
                && !vm.autoplayProperty().get() && vm.predictNowProperty().get());
        assertTrue(vm.messageProperty().get().contains("predict"), vm.messageProperty().get());
        robot.type(KeyCode.ENTER); // reveal without a prediction
        Fx.await(T, "the reveal", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get());
        assertEquals("No prediction was made.", text(robot, "#pickVerdict"));
        robot.type(KeyCode.P);
        Fx.await(T, "autoplay to the end", () -> vm.stepsRunProperty().get() == 4 && !vm.autoplayProperty().get()
                && !vm.busyProperty().get());
        assertFalse(Fx.on(() -> robot.lookup("#autoplay").queryAs(ToggleButton.class).isSelected()));
    }

    @Test
    void aBadFileShowsItsLocatedErrorsAndThePreviousScenarioStays(FxRobot robot, @TempDir Path dir) throws Exception {
        scenarios(robot);
        Fx.run(() -> vm.loadBundled("03_recv_empty_vs_100"));
        ready();
        robot.clickOn("#next");
        awaitSteps(1);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                title: broken
                slide: recv()
                setup:
                  processes: [app]
                steps:
                  - call: recvv(sock, buf, 10, 0)
                    sya: hello
                """);
        Fx.run(() -> vm.open(bad));
        Fx.await(T, "the errors", () -> robot.lookup("#loadErrors").query().isVisible());
        String errors = allText(robot.lookup("#loadErrors").query());
        for (var e : vm.loadErrorsProperty().get()) {
            assertTrue(errors.contains(e.file() + ":" + e.line() + ":" + e.column()), errors);
            assertTrue(errors.contains(e.message()), errors);
        }
        assertTrue(errors.contains("bad.yaml:6:") && errors.contains("recvv"), errors);
        assertTrue(errors.contains("is still loaded"), errors);
        assertEquals("03_recv_empty_vs_100", vm.scenarioProperty().get().id(), "nothing half-loaded");
        assertTrue(text(robot, "#narrationTitle").startsWith("Step 1 of 4"));

        robot.type(KeyCode.SPACE);
        awaitSteps(2);
        robot.clickOn("#dismissErrors");
        Fx.await(T, "errors hidden", () -> !robot.lookup("#loadErrors").query().isVisible());
    }

    @Test
    void aSetUpFailureSaysWhyAndTheAppStaysUsable(FxRobot robot, @TempDir Path dir) throws Exception {
        scenarios(robot);
        Path file = dir.resolve("badsetup.yaml");
        Files.writeString(file, """
                title: set-up that fails
                slide: x
                setup:
                  processes: [app, peer]
                  tcp:
                    - {name: conn, client: app, server: peer}
                  actions:
                    - recv(conn.client, buf, 100, MSG_DONTWAIT)
                steps:
                  - process: app
                    call: send(conn.client, data, 100, 0)
                    say: hi
                """);
        Fx.run(() -> vm.open(file));
        Fx.await(T, "the set-up error", () -> !vm.errorProperty().get().isEmpty() && !vm.busyProperty().get());
        String error = text(robot, "#scenarioError");
        assertTrue(error.contains("Could not set up") && error.contains("EAGAIN"), error);
        assertTrue(Fx.on(() -> robot.lookup("#next").queryAs(Button.class).isDisabled()), "no lab: no step");
        Fx.run(() -> vm.loadBundled("02_socket_descriptor"));
        ready();
        robot.type(KeyCode.SPACE);
        awaitSteps(1);
        assertTrue(vm.errorProperty().get().isEmpty());
    }

    @org.sockscope.testing.ThreadActors.RealProcesses
    @Test
    void closingWithABlockedCallLeavesNothingRunning(FxRobot robot) {
        scenarios(robot);
        Fx.run(() -> vm.openAny("01_pipe_ipc", 4)); // step 4: P1 asleep in write() on a full pipe
        Fx.await(T, "P1 blocked", () -> vm.stepsRunProperty().get() == 4 && !vm.busyProperty().get()
                && has(robot.lookup("#lane-P1").query(), "blocked"));
        ProcessWorld world = (ProcessWorld) vm.session().world();
        List<Integer> pids = List.of(world.process("P1").orElseThrow().pid(), world.process("P2").orElseThrow().pid());
        assertTrue(pids.stream().allMatch(pid -> ProcessHandle.of(pid).isPresent()), "P1 and P2 run before close: " + pids);
        long t0 = System.nanoTime();
        boolean closed = vm.close(700);
        // Printed, not asserted: a loaded 2-core machine decides the time, not the code.
        System.out.printf("ScenarioRobotTest: close(700) with P1 blocked in write() on a full pipe: %.1f ms%n",
                (System.nanoTime() - t0) / 1e6);
        assertTrue(closed, "close(700) says the session's lab closed within its wait");
        // ProcessHandle.of finds a zombie too: an empty one means the process ended and was reaped.
        assertEquals(List.of(), pids.stream().filter(pid -> ProcessHandle.of(pid).isPresent()).toList(),
                "processes left (running or unreaped) after close");
        assertNotNull(vm.scenarioProperty().get());
    }
}
