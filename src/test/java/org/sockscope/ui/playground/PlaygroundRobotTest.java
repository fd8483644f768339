package org.sockscope.ui.playground;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.trace.Snapshot;
import org.sockscope.lab.agent.Worlds;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.widget.AppBufferView;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.widget.BufferView;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.widget.ThreadLane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playground driven by the robot, on real loopback sockets. Nodes are found by #id. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundRobotTest {
    private static final double T = 5;
    private final SockScopeApp app = new SockScopeApp();
    private PlaygroundViewModel vm;

    @Start
    void start(Stage stage) {
        // These compare the drawing with the kernel read in this JVM: P1 and P2 as its threads.
        // The playground on two real processes: PlaygroundLiveTest.
        System.setProperty(Worlds.PROPERTY, "threads");
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

    private void awaitConnected() {
        Fx.await(10, "the connection", () -> vm.process(Side.CLIENT).get().fd() >= 0 && vm.process(Side.SERVER).get().fd() >= 0
                && vm.process(Side.CLIENT).get().lane().tid() > 0 && vm.process(Side.SERVER).get().lane().tid() > 0);
    }

    private static ThreadLane lane(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ThreadLane.class);
    }

    private static void setText(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        Fx.run(() -> f.setText(text));
    }

    private static boolean has(ThreadLane lane, String pseudoClass) {
        return lane.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudoClass));
    }

    @Test
    void recvOnAnEmptySocketBlocksUntilSendArrives(FxRobot robot) {
        awaitConnected();
        setText(robot, "#p2RecvBytes", "200");
        robot.clickOn("#p2Recv");
        ThreadLane p2 = lane(robot, "#p2Lane");
        Fx.await(T, "P2's lane blocked", () -> has(p2, "blocked"));
        LaneState blocked = Fx.on(p2::getState);
        assertTrue(blocked.syscall().startsWith("recv"), "the kernel names the call: " + blocked.syscall());
        assertFalse(blocked.wchan().isEmpty(), "and where it sleeps");
        assertFalse(Fx.on(() -> robot.lookup("#p2Cancel").queryAs(Button.class).isDisabled()));
        assertTrue(Fx.on(() -> robot.lookup("#p2Send").queryAs(Button.class).isDisabled()), "a blocked thread makes no other call");

        setText(robot, "#p1SendBytes", "100");
        robot.clickOn("#p1Send");
        Fx.await(T, "recv returned 100", () -> has(p2, "returned") && p2.getState().result().equals("100"));
        AppBufferView rbuf = robot.lookup("#p2AppBuffer").queryAs(AppBufferView.class);
        Fx.await(T, "r_buf shows 100 bytes of P1's send", () -> rbuf.getState().copied() == 100
                && rbuf.getState().pieces().size() == 1 && rbuf.getState().pieces().getFirst().count() == 100);
        Fx.await(T, "the log lists it", () -> vm.log().stream().anyMatch(l -> l.kind() == LogEntry.Kind.RETURNED
                && l.call().startsWith("recv(") && l.ret().startsWith("100")));

        // Nobody receives now: the next 100 bytes wait in P2's receive buffer, drawn as the kernel says.
        robot.clickOn("#p1Send");
        BufferView recvBuffer = robot.lookup("#p2RecvBuffer").queryAs(BufferView.class);
        Fx.await(T, "P2's receive buffer drawn with 100 queued", () -> recvBuffer.settledProperty().get()
                && recvBuffer.displayedBytes(Kind.QUEUED) == 100);
        int serverFd = Fx.on(() -> vm.process(Side.SERVER).get().fd());
        assertEquals(100, SocketProbe.probe(serverFd).inq(), "the kernel agrees");
    }

    @Test
    void nonBlockingSendsUntilEagainDrawTheKernelsFigures(FxRobot robot) {
        awaitConnected();
        robot.clickOn("#p1Nonblock");
        Fx.await(T, "O_NONBLOCK set", () -> vm.process(Side.CLIENT).get().socket().nonBlocking());
        setText(robot, "#p1SendBytes", "3000");
        ThreadLane p1 = lane(robot, "#p1Lane");
        boolean eagain = false;
        for (int i = 0; i < 40 && !eagain; i++) {
            long calls = Fx.on(() -> vm.log().stream().filter(l -> l.call().startsWith("send(")).count());
            robot.clickOn("#p1Send");
            Fx.await(T, "send " + i + " returned", () -> vm.log().stream().filter(l -> l.call().startsWith("send(")).count() > calls
                    && !p1.getState().inCall());
            eagain = Fx.on(() -> p1.getState().status() == LaneState.Status.FAILED && p1.getState().result().contains("EAGAIN"));
        }
        assertTrue(eagain, "the buffers filled: -1 EAGAIN");
        int clientFd = Fx.on(() -> vm.process(Side.CLIENT).get().fd());
        int serverFd = Fx.on(() -> vm.process(Side.SERVER).get().fd());
        BufferView send = robot.lookup("#p1SendBuffer").queryAs(BufferView.class);
        BufferView recv = robot.lookup("#p2RecvBuffer").queryAs(BufferView.class);
        // EAGAIN is not final (ACKs free space), so wait for the kernel, the Snapshot and the drawing to agree.
        Fx.await(T, "drawn fills = latest Snapshot = kernel now", () -> {
            Snapshot s = vm.trace().latest();
            SocketFigures snd = s.socket(Side.CLIENT.process(), clientFd);
            SocketFigures rcv = s.socket(Side.SERVER.process(), serverFd);
            SocketFigures kernelSnd = SocketProbe.probe(clientFd);
            SocketFigures kernelRcv = SocketProbe.probe(serverFd);
            return send.settledProperty().get() && recv.settledProperty().get()
                    && snd.equals(kernelSnd) && rcv.equals(kernelRcv)
                    && send.displayedBytes(Kind.NOT_SENT) == snd.notSent()
                    && send.displayedBytes(Kind.IN_FLIGHT) == snd.inFlight()
                    && send.getContent().capacity() == snd.sndbuf()
                    && recv.displayedBytes(Kind.QUEUED) == rcv.inq()
                    && recv.getContent().capacity() == rcv.rcvbuf();
        });
        SocketFigures snd = SocketProbe.probe(clientFd);
        SocketFigures rcv = SocketProbe.probe(serverFd);
        assertTrue(snd.notSent() + rcv.inq() > 8000, "both buffers hold bytes: " + snd + " " + rcv);
        long written = Fx.on(() -> vm.log().stream().filter(l -> l.kind() == LogEntry.Kind.RETURNED && l.call().startsWith("send("))
                .mapToLong(l -> Long.parseLong(l.ret())).sum());
        assertEquals(written, snd.notSent() + rcv.inq(), "bytes written − bytes read (0) = NSD(sender) + INQ(receiver)");
    }

    @Test
    void cancelWakesABlockedCall(FxRobot robot) {
        awaitConnected();
        robot.clickOn("#p2Recv");
        ThreadLane p2 = lane(robot, "#p2Lane");
        Fx.await(T, "P2 blocked", () -> has(p2, "blocked"));
        robot.clickOn("#p2Cancel");
        Fx.await(T, "P2 woken", () -> has(p2, "cancelled"));
        LaneState s = Fx.on(p2::getState);
        assertTrue(s.cancelledBy().startsWith("shutdown("), s.cancelledBy());
        assertEquals("0", s.result(), "recv() on a shut-down socket returns 0");
        Fx.await(T, "the log lists the cancellation", () -> vm.log().stream().anyMatch(l -> l.kind() == LogEntry.Kind.CANCELLED));
    }

    @Test
    void closingTheWindowWithABlockedCallExitsWithinOneSecond(FxRobot robot) {
        awaitConnected();
        robot.clickOn("#p2Recv");
        Fx.await(T, "P2 blocked", () -> has(lane(robot, "#p2Lane"), "blocked"));
        long t0 = System.nanoTime();
        app.stop();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "stop() took " + ms + " ms");
    }

    @Test
    void theCallPanelWorksFromTheKeyboard(FxRobot robot) {
        awaitConnected();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        Fx.await(T, "Ctrl+2 focuses P2's byte field", () -> robot.lookup("#p2SendBytes").queryAs(TextField.class).isFocused());
        robot.write("321").type(KeyCode.ENTER);
        Fx.await(T, "Enter sent 321 bytes from P2", () -> vm.log().stream().anyMatch(l -> l.call().startsWith("send(")
                && l.call().contains(", 321, ") && l.ret().equals("321")));
    }

    @Test
    void invalidSettingsAreRefusedWithAMessageAndTheAppStaysUsable(FxRobot robot) {
        awaitConnected();
        robot.clickOn("#toggleSettings");
        PropertySheet sheet = robot.lookup("#settingsSheet").queryAs(PropertySheet.class);
        Fx.run(() -> sheet.getItems().stream().filter(i -> i.getName().equals("SO_SNDBUF")
                && i.getCategory().startsWith("P1")).findFirst().orElseThrow().setValue(-5));
        robot.clickOn("#applySettings");
        Fx.await(T, "an error message", () -> robot.lookup("#errorBar").query().isVisible());
        assertTrue(Fx.on(() -> vm.errorProperty().get()).contains("-5"), vm.errorProperty().get());
        setText(robot, "#p1SendBytes", "10");
        robot.clickOn("#p1Send");
        Fx.await(T, "a send still works", () -> lane(robot, "#p1Lane").getState().result().equals("10"));
    }

    @Test
    void applyingSettingsRebuildsTheConnectionWithTheNewSizes(FxRobot robot) {
        awaitConnected();
        int oldFd = Fx.on(() -> vm.process(Side.CLIENT).get().fd());
        robot.clickOn("#toggleSettings");
        PropertySheet sheet = robot.lookup("#settingsSheet").queryAs(PropertySheet.class);
        Fx.run(() -> sheet.getItems().stream().filter(i -> i.getName().equals("SO_RCVBUF")
                && i.getCategory().startsWith("P2")).findFirst().orElseThrow().setValue(20000));
        robot.clickOn("#applySettings");
        Fx.await(T, "a fresh connection with P2's RCVBUF 20000 (kernel 40000)", () -> {
            ProcessState p2 = vm.process(Side.SERVER).get();
            return p2.fd() >= 0 && p2.socket().receive().requested() == 20000 && p2.socket().receive().capacity() == 40000;
        });
        assertTrue(Fx.on(() -> vm.process(Side.CLIENT).get().fd()) >= 0);
        assertTrue(Fx.on(() -> vm.errorProperty().get()).isEmpty());
        assertTrue(oldFd >= 0);
    }

    @Test
    void theRestOfTheSharedTableFoldsIntoOneExpandableLine(FxRobot robot) {
        awaitConnected();
        Fx.await(T, "the rest of the table read off the FX thread", () -> vm.foldedProperty(Side.CLIENT).get().count() >= 3);
        int count = Fx.on(() -> vm.foldedProperty(Side.CLIENT).get().count());
        assertEquals(2, robot.lookup("#p1Descriptors .descriptor-row").queryAll().size(), "the lab's two sockets");
        assertTrue(Fx.on(() -> vm.foldedProperty(Side.CLIENT).get().summary()).contains("stdio"));
        ToggleButton fold = robot.lookup("#p1Descriptors .fold-line").queryAs(ToggleButton.class);
        assertTrue(Fx.on(fold::getText).contains("+" + count + " other descriptors"));
        robot.clickOn(fold);
        Fx.await(T, "expanded", () -> robot.lookup("#p1Descriptors .folded-line").queryAll().size() == count);
    }

    @Test
    void figuresSayWhereTheyCameFrom(FxRobot robot) {
        awaitConnected();
        robot.clickOn("#p1Send");
        Fx.await(T, "send returned", () -> lane(robot, "#p1Lane").getState().status() == LaneState.Status.RETURNED);
        assertTrue(tip(robot, "#p2RecvBuffer .figure-queued").startsWith("Source: kernel probe"));
        assertTrue(tip(robot, "#p2RecvBuffer .figure-queued").contains("SIOCINQ"));
        assertTrue(tip(robot, "#p1SendBuffer .figure-not-sent").contains("SIOCOUTQNSD"));
        assertTrue(tip(robot, "#p1SendBuffer .figure-in-flight").startsWith("Source: derived"));
        assertTrue(tip(robot, "#p1SendBuffer .figure-capacity").contains("SO_SNDBUF"));
        assertTrue(tip(robot, "#p1SendBuffer .figure-requested").startsWith("Source: syscall"));
        assertTrue(tip(robot, "#p1Lane .lane-detail").startsWith("Source: syscall"));
        String clock = tip(robot, "#p1Lane .lane-clock");
        assertTrue(clock.startsWith("Source: measured on the actor thread") && clock.contains("CLOCK_MONOTONIC"), clock);
        String state = tip(robot, "#p1Socket .tcp-state");
        assertTrue(state.contains("TCP_INFO") && state.contains("sampler") && !state.contains("frame rate"),
                "the sampler reads it at its own rate, not the screen's: " + state);
        String app = tip(robot, "#p1AppBuffer .figure-copied");
        assertTrue(app.startsWith("Source: syscall") && app.contains("return value"), app);
        assertTrue(tip(robot, "#p1AppBuffer .app-title").contains("length argument the program passed"));
        assertTrue(tip(robot, "#kernelVersion").contains("osrelease"));
    }

    private static String tip(FxRobot robot, String query) {
        javafx.scene.Node n = robot.lookup(query).query();
        return Fx.on(() -> org.sockscope.ui.widget.Source.tooltipOf(n));
    }
}
