package org.sockscope.ui.replay;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.lab.Await;
import org.sockscope.trace.Event;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.playground.Side;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File ▸ Save recording saves the live playground's run; opening it shows it in a replay window of its own. */
@ExtendWith(ApplicationExtension.class)
class SaveRecordingTest {
    private static final Duration T = Duration.ofSeconds(10);
    private final SockScopeApp app = new SockScopeApp();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        app.start(stage); // P1 and P2 as two real processes, as the app starts by default
        window = (MainWindow) stage.getScene().getRoot();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theLivePlaygroundIsSavedAndOpensInAReplayWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        PlaygroundViewModel vm = app.viewModel();
        Fx.await(10, "the connection", () -> vm.process(Side.CLIENT).get().fd() >= 0 && !vm.rebuildingProperty().get());
        Fx.run(() -> vm.send(Side.CLIENT, 100, false));
        Await.event(vm.trace(), Event.CallReturned.class, r -> r.call().name().equals("send"), T);

        Path file = dir.resolve("mine" + RecordingFile.EXTENSION);
        String said = Fx.on(() -> window.saveRecording(file)).get(10, TimeUnit.SECONDS);
        Recording r = RecordingFile.read(file);
        assertEquals(String.format("Saved %,d events to %s (File ▸ Open recording… or sockscope --replay replays it anywhere)",
                r.trace().size(), file), said);
        assertEquals(RecordingHeader.PLAYGROUND, r.header().mode());
        assertEquals(16_666_666, r.header().samplerPeriodNanos(), "the lab's 60 Hz");
        assertEquals(vm.trace().events().subList(0, r.trace().size()), r.trace().events(), "the live trace as it was");
        assertTrue(r.trace().events().stream().anyMatch(e -> e instanceof Event.CallReturned c && c.call().name().equals("send")));

        assertTrue(Fx.on(() -> window.openRecording(file)));
        Stage replay = (Stage) Fx.on(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle().equals("SockScope · replay of " + file.getFileName()))
                .findFirst().orElseThrow());
        MainWindow shown = (MainWindow) replay.getScene().getRoot();
        assertNotNull(shown.replay());
        assertEquals("REPLAY", ((Label) shown.lookup("#replayBadge")).getText());
        assertTrue(window.playground() != null && window.replay() == null, "the live window stays live");
        // Two processes: the replay names their recorded pids, and each one's own table is in the recording.
        var shownVm = NoLiveReplay.shown(shown.replay().viewModel());
        Fx.run(shown.replay().viewModel()::toEnd);
        shownVm = NoLiveReplay.shown(shown.replay().viewModel());
        var processes = r.trace().latest().processes();
        String tables = shownVm.tablesProperty().get();
        assertEquals("P1 (pid " + processes.get("P1").pid() + ") and P2 (pid " + processes.get("P2").pid()
                + "): two processes, each its OWN descriptor table", tables);
        assertTrue(Fx.on(() -> ((Label) shown.lookup("#kernelVersion")).getText()).endsWith("(recorded)"));
        var p1 = NoLiveReplay.shown(shown.replay().viewModel()); // the tables reported at start are folded a frame later
        var own = processes.get("P1").own();
        assertTrue(!own.isEmpty(), "P1 reported its runtime's descriptors when it started");
        assertEquals(own.size(), Fx.on(() -> p1.foldedProperty(Side.CLIENT).get().count()), "P1's own other descriptors, as recorded");
        Fx.run(replay::close);
    }

    @Test
    void scenarioModeSavesTheScenarioRunWithItsFile(@TempDir Path dir) throws Exception {
        Fx.run(() -> window.scenarioMode().showScenarios());
        String said = Fx.on(() -> window.saveRecording(dir.resolve("x.sockscope"))).get(10, TimeUnit.SECONDS);
        assertEquals("Nothing saved: no scenario has been set up yet", said);

        var vm = window.scenarioMode().view().viewModel();
        Fx.run(() -> vm.loadBundled("01_pipe_ipc"));
        Fx.await(20, "the set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
        Fx.run(vm::next);
        Fx.await(20, "step 1", () -> vm.stepsRunProperty().get() == 1 && !vm.busyProperty().get());
        Path file = dir.resolve("pipe" + RecordingFile.EXTENSION);
        assertTrue(Fx.on(() -> window.saveRecording(file)).get(10, TimeUnit.SECONDS).startsWith("Saved "));
        Recording r = RecordingFile.read(file);
        assertEquals(RecordingHeader.SCENARIO, r.header().mode());
        assertEquals("assets/scenarios/01_pipe_ipc.yaml", r.header().scenario());
        try (var in = SaveRecordingTest.class.getResourceAsStream("/assets/scenarios/01_pipe_ipc.yaml")) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), r.header().scenarioText());
        }
        assertEquals(vm.session().trace().events().subList(0, r.trace().size()), r.trace().events(), "the scenario's own trace");
    }
}
