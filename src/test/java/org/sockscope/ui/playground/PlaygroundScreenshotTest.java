package org.sockscope.ui.playground;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.ui.Screenshots;
import org.sockscope.lab.agent.Worlds;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.widget.BufferView;
import org.sockscope.ui.widget.Flash;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.widget.ThreadLane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the main window at 1280×720 in known states to target/*.png (look at them); each test
 * checks the PNG was written whole and that the window shows the state it is named for.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundScreenshotTest {
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;
    private PlaygroundViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty(Worlds.PROPERTY, "threads"); // the demo script probes P1's and P2's sockets in this JVM
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
        vm = app.viewModel();
    }

    @AfterEach
    void stop() {
        System.clearProperty(Worlds.PROPERTY);
        app.stop();
    }

    private void awaitCalm(FxRobot robot) {
        BufferView[] views = robot.lookup(".buffer-view").queryAllAs(BufferView.class).toArray(BufferView[]::new);
        Fx.await(5, "drawing settled", () -> java.util.Arrays.stream(views).allMatch(v -> v.settledProperty().get()));
        Fx.await(5, "highlights faded", () -> stage.getScene().getRoot().lookupAll("*").stream()
                .noneMatch(n -> n.getPseudoClassStates().contains(Flash.CHANGED)));
    }

    private Path png(String name) throws Exception {
        return Screenshots.window(stage.getScene(), Path.of("target", name), 1280, 720);
    }

    private static LaneState lane(FxRobot robot, String id) {
        ThreadLane lane = robot.lookup(id).queryAs(ThreadLane.class);
        return Fx.on(lane::getState);
    }

    @Test
    void blockedSendWithFullBuffers(FxRobot robot) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Fx.run(() -> DemoScript.play(vm, () -> done.set(true)));
        Fx.await(15, "the demo script's state", done::get);
        assertTrue(Fx.on(() -> vm.process(Side.CLIENT).get().lane().status() == LaneState.Status.BLOCKED));
        awaitCalm(robot);
        png("playground-test.png");
        LaneState p1 = lane(robot, "#p1Lane");
        assertEquals(LaneState.Status.BLOCKED, p1.status(), "the picture shows P1 asleep");
        assertTrue(p1.call().startsWith("send("), p1.call());
    }

    @Test
    void eagainOnAFullConnection(FxRobot robot) throws Exception {
        Fx.await(10, "connected", () -> vm.process(Side.CLIENT).get().canCall() && vm.process(Side.SERVER).get().lane().tid() > 0);
        robot.clickOn("#p1Nonblock");
        Fx.await(5, "O_NONBLOCK", () -> vm.process(Side.CLIENT).get().socket().nonBlocking());
        Fx.run(() -> robot.lookup("#p1SendBytes").queryAs(javafx.scene.control.TextField.class).setText("3000"));
        for (int i = 0; i < 10 && Fx.on(() -> vm.process(Side.CLIENT).get().lane().status()) != LaneState.Status.FAILED; i++) {
            long before = Fx.on(() -> vm.log().stream().filter(l -> l.call().startsWith("send(")).count());
            robot.clickOn("#p1Send");
            Fx.await(5, "send returned", () -> vm.log().stream().filter(l -> l.call().startsWith("send(")).count() > before);
        }
        Fx.await(5, "EAGAIN", () -> vm.log().getLast().kind() == LogEntry.Kind.FAILED);
        robot.clickOn("#p2RecvDontwait");
        robot.clickOn("#p2Recv");
        Fx.await(5, "P2's recv returned", () -> vm.process(Side.SERVER).get().lane().status() == LaneState.Status.RETURNED);
        awaitCalm(robot);
        png("playground-eagain-test.png");
        LaneState p1 = lane(robot, "#p1Lane");
        assertEquals(LaneState.Status.FAILED, p1.status());
        assertTrue(p1.result().contains("EAGAIN"), "the picture shows P1's send() failing with EAGAIN: " + p1.result());
        assertEquals(LaneState.Status.RETURNED, lane(robot, "#p2Lane").status());
    }

    @Test
    void settingsOpen(FxRobot robot) throws Exception {
        Fx.await(10, "connected", () -> vm.process(Side.CLIENT).get().canCall() && vm.process(Side.SERVER).get().lane().tid() > 0);
        robot.clickOn("#toggleSettings");
        robot.clickOn("#p2Recv");
        Fx.await(5, "P2 blocked", () -> vm.process(Side.SERVER).get().lane().status() == LaneState.Status.BLOCKED);
        awaitCalm(robot);
        png("playground-settings-test.png");
        assertTrue(Fx.on(() -> robot.lookup("#settingsSheet").query().isVisible()), "the picture shows the settings");
        assertEquals(LaneState.Status.BLOCKED, lane(robot, "#p2Lane").status());
    }

    @Test
    void aLaneAfterABlockingRecvReturned(FxRobot robot) throws Exception {
        Fx.await(10, "connected", () -> vm.process(Side.CLIENT).get().canCall() && vm.process(Side.SERVER).get().lane().tid() > 0);
        robot.clickOn("#p2Recv");
        Fx.await(5, "P2 blocked", () -> vm.process(Side.SERVER).get().lane().status() == LaneState.Status.BLOCKED);
        Fx.run(() -> robot.lookup("#p1SendBytes").queryAs(javafx.scene.control.TextField.class).setText("100"));
        robot.clickOn("#p1Send");
        Fx.await(5, "P2's recv returned", () -> vm.process(Side.SERVER).get().lane().status() == LaneState.Status.RETURNED);
        awaitCalm(robot);
        png("playground-returned-after-blocking-test.png");
        ThreadLane node = robot.lookup("#p2Lane").queryAs(ThreadLane.class);
        Fx.snapshot(node, Path.of("target", "lane-returned-after-blocking-test.png"));
        LaneState p2 = Fx.on(node::getState);
        assertTrue(p2.blockedBefore(), "the picture shows a call that slept: " + p2);
        String clock = p2.clock(0).text();
        assertTrue(clock.startsWith("in the kernel ") && !clock.endsWith(" 0 µs"), clock);
        assertEquals(clock, Fx.on(() -> ((javafx.scene.control.Label) node.lookup(".lane-clock")).getText()),
                "the lane draws the figure its state says");
    }

    @Test
    void streaming(FxRobot robot) throws Exception {
        Fx.await(10, "connected", () -> vm.process(Side.CLIENT).get().canCall() && vm.process(Side.SERVER).get().lane().tid() > 0);
        Lab lab = vm.lab();
        int c = Fx.on(() -> vm.process(Side.CLIENT).get().fd());
        int s = Fx.on(() -> vm.process(Side.SERVER).get().fd());
        AtomicBoolean run = new AtomicBoolean(true);
        loop(lab.actor("P1"), new Call.Send(c, 3000, 0), run);
        loop(lab.actor("P2"), new Call.Recv(s, 1000, 0), run);
        long start = Fx.on(() -> vm.eventCountProperty().get());
        Fx.await(10, "a stream of calls", () -> vm.eventCountProperty().get() > start + 20_000);
        // Values that change every frame are highlighted once, then left calm while the stream goes on.
        Fx.await(5, "no highlight while streaming", () -> stage.getScene().getRoot().lookupAll("*").stream()
                .noneMatch(n -> n.getPseudoClassStates().contains(Flash.CHANGED)));
        // …and the calm was not the stream ending: events keep arriving after it.
        long calm = Fx.on(() -> vm.eventCountProperty().get());
        Fx.await(5, "still streaming", () -> vm.eventCountProperty().get() > calm + 1_000);
        png("playground-streaming-test.png");
        run.set(false);
    }

    private static void loop(Actor a, Call call, AtomicBoolean run) {
        a.submit(call).whenComplete((o, ex) -> {
            if (ex == null && run.get() && o.ret() > 0) {
                loop(a, call, run);
            }
        });
    }
}
