package org.sockscope.ui.replay;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.lab.Lab;
import org.sockscope.trace.Event;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.SomeCalls;
import org.sockscope.trace.Trace;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.Screenshots;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.playground.Side;
import org.sockscope.ui.widget.LaneState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A playground run recorded here on 127.0.0.1 replays with live mode switched off (as on a Mac):
 * the REPLAY badge names the recorded kernel and date, nothing can be called, and at every moment,
 * forward and back, the world on screen is exactly the recorded one.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    @TempDir
    static Path dir;
    private static Trace live;
    private static Path file;
    private static RecordingHeader header;
    private final SockScopeApp app = new SockScopeApp();
    private MainWindow window;
    private String title;

    @BeforeAll
    static void record() throws Exception {
        SomeCalls.Run run = SomeCalls.record();
        live = run.trace();
        header = RecordingHeader.playground(live, run.samplerPeriodNanos());
        file = dir.resolve("playground" + RecordingFile.EXTENSION);
        RecordingFile.write(new Recording(header, live), file);
    }

    @Start
    void start(Stage stage) {
        window = NoLiveReplay.start(app, stage, file);
        title = stage.getTitle();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static PlaygroundViewModel shown(ReplayViewModel vm) {
        return NoLiveReplay.shown(vm);
    }

    @Test
    void theRecordingReplaysWithLiveModeOffAndTheRecordedWorldAtEveryMoment(FxRobot robot) throws Exception {
        assertNull(app.viewModel(), "no lab: nothing live");
        assertEquals("SockScope · replay of " + file.getFileName(), title);
        assertNull(window.playground());
        ReplayView view = window.replay();
        assertNotNull(view);
        ReplayViewModel vm = view.viewModel();
        assertEquals("REPLAY", robot.lookup("#replayBadge").queryAs(Label.class).getText());
        String where = robot.lookup("#replayWhere").queryAs(Label.class).getText();
        assertTrue(where.contains(header.kernel()) && where.contains(header.recordedAt()), where);
        assertTrue(robot.lookup("#liveIndicator").queryAs(Label.class).getText().startsWith("▶ REPLAY · recorded on "));
        assertEquals(header.kernel() + " (recorded)", robot.lookup("#kernelVersion").queryAs(Label.class).getText());
        assertTrue(Fx.on(() -> robot.lookup("#p1Send").query().isDisabled()), "no call can be made in a replay");
        assertEquals("P1 and P2: threads of one process (pid " + header.pid() + ", when recorded), ONE shared table",
                shown(vm).tablesProperty().get());
        // As if recorded by another SockScope process (pid 1 is never this test's): the header's pid is the one said.
        RecordingHeader h = header;
        PlaygroundViewModel other = Fx.on(() -> PlaygroundViewModel.replaying(live, new RecordingHeader(h.sockscopeVersion(),
                h.kernel(), h.arch(), h.cpus(), h.recordedAt(), h.samplerPeriodNanos(), h.mode(), h.scenario(), h.scenarioText(),
                h.droppedEvents(), h.stepEnds(), h.reveal(), 1)));
        assertEquals("P1 and P2: threads of one process (pid 1, when recorded), ONE shared table", other.tablesProperty().get(),
                "the recording process's pid, not this one's");
        other.close(50);

        assertEquals(ReplayView.NO_CALLS, robot.lookup("#callLog").queryAs(org.sockscope.ui.widget.CallLog.class).placeholderProperty().get());
        boolean sawBlocked = false;
        for (int k = 0; k < vm.moments(); k++) {
            int moment = k;
            Fx.run(() -> vm.seek(moment));
            PlaygroundViewModel p = shown(vm);
            long last = vm.lastEventOf(k);
            assertEquals(live.snapshotAt(last), p.trace().latest(), "the world at moment " + k);
            assertEquals(last < 0 ? 0 : live.event((int) last).nanos(), p.clockProperty().get(), "the recorded clock, not now");
            LaneState lane = p.process(Side.SERVER).get().lane();
            if (lane.status() == LaneState.Status.BLOCKED) {
                if (!sawBlocked) { // the README's picture: a replayed recv() asleep in the recorded kernel
                    Screenshots.window(window.getScene(), Path.of("target", "replay-blocked.png"), 1280, 720);
                }
                sawBlocked = true;
                Event.CallBlocked b = (Event.CallBlocked) live.events().stream().filter(e -> e instanceof Event.CallBlocked)
                        .findFirst().orElseThrow();
                assertEquals(b.wchan(), lane.wchan(), "where the recorded kernel said it slept");
            }
        }
        assertTrue(sawBlocked, "the blocked recv() is one of the moments");

        // Back goes to the recorded moment before, folded afresh.
        int end = vm.moments() - 1;
        Fx.run(vm::previous);
        assertEquals(live.snapshotAt(vm.lastEventOf(end - 1)), shown(vm).trace().latest());
        robot.clickOn("#replayNext");
        assertEquals(end, Fx.on(() -> vm.positionProperty().get()));
        robot.clickOn("#replayStart");
        robot.type(KeyCode.RIGHT);
        assertEquals(1, Fx.on(() -> vm.positionProperty().get()), "→ steps on");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(2, Fx.on(() -> vm.positionProperty().get()), "a clicker's Page Down steps on");
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, Fx.on(() -> vm.positionProperty().get()), "Page Up steps back");

        // Autoplay steps on by itself and stops at the end.
        Fx.run(() -> {
            vm.seek(end - 1);
            vm.autoplayProperty().set(true);
        });
        Fx.await(5, "autoplay's step to the end", () -> vm.atEnd() && !vm.autoplayProperty().get());

        // At the end, the columns are what a view over the live trace itself draws.
        Fx.run(vm::toEnd);
        PlaygroundViewModel replayed = shown(vm);
        PlaygroundViewModel ofLive = Fx.on(() -> {
            PlaygroundViewModel l = new PlaygroundViewModel(live, (Lab) null);
            l.refresh();
            return l;
        });
        for (Side s : Side.values()) {
            assertEquals(ofLive.process(s).get(), replayed.process(s).get(), s + "'s column");
        }
        ofLive.close(50);
    }

    @Test
    void aReplayExportsItsRecordingForPerfettoAndAsStraceText() throws Exception {
        Recording r = RecordingFile.read(file);
        Path json = dir.resolve("replayed.json");
        Path text = dir.resolve("replayed.txt");
        assertEquals("Exported " + r.trace().size() + " events to " + json + " as Chrome Trace Event JSON (open it in ui.perfetto.dev)",
                Fx.on(() -> window.export(json)).get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(org.sockscope.trace.ChromeTrace.of(r), Files.readString(json));
        Fx.on(() -> window.export(text)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(org.sockscope.trace.StraceText.of(r), Files.readString(text));
    }

    @Test
    void aBadRecordingSaysWhichFileAndWhatIsWrongAndKeepsTheReplay(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad" + RecordingFile.EXTENSION);
        Files.writeString(bad, "{}");
        ReplayView before = window.replay();
        assertFalse(Fx.on(() -> window.openRecording(bad)));
        String status = Fx.on(() -> window.statusBar().getText());
        assertEquals("Could not open the recording " + bad + ": not a SockScope recording (it is not gzip-compressed;"
                + " SockScope saves recordings as .sockscope files)", status);
        assertTrue(before == window.replay(), "the replay shown stays");
        robot.type(KeyCode.ESCAPE); // the message box
    }
}
