package org.sockscope.ui.replay;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.trace.Event;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Trace;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.widget.LogEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario run recorded here replays with live mode off as its title and its calls' log: at each
 * moment the log lists exactly the recorded calls up to it, each with its recorded return.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioRecordingTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static Trace recorded;
    private static String title;
    private final SockScopeApp app = new SockScopeApp();
    private MainWindow window;

    @BeforeAll
    static void record() throws Exception {
        try (ScenarioSession s = new ScenarioSession(ScenarioLoader.loadBundled("03_recv_empty_vs_100"))) {
            s.runToEnd();
            s.settle(Duration.ofSeconds(2));
            recorded = Trace.of(s.trace().events());
            title = s.scenario().title();
            file = dir.resolve("scenario" + RecordingFile.EXTENSION);
            RecordingFile.write(new Recording(RecordingHeader.scenario(recorded, s.world().samplerPeriodNanos(),
                    s.scenario().source()), recorded), file);
        }
    }

    @Start
    void start(Stage stage) {
        window = NoLiveReplay.start(app, stage, file);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static List<LogEntry> calls(ReplayViewModel vm) {
        PlaygroundViewModel p = NoLiveReplay.shown(vm);
        return Fx.on(() -> p.log().stream().filter(l -> l.kind() == LogEntry.Kind.RETURNED || l.kind() == LogEntry.Kind.FAILED).toList());
    }

    @Test
    void theScenarioReplaysAsItsTitleAndTheRecordedCallsUpToEachMoment(FxRobot robot) {
        ReplayViewModel vm = window.replay().viewModel();
        String heading = robot.lookup("#replayScenario").queryAs(Label.class).getText();
        assertTrue(heading.contains(title) && heading.contains("assets/scenarios/03_recv_empty_vs_100.yaml"), heading);
        for (int k = 0; k < vm.moments(); k++) {
            int moment = k;
            Fx.run(() -> vm.seek(moment));
            long last = vm.lastEventOf(k);
            List<Event.CallReturned> returned = recorded.events().stream()
                    .filter(e -> e instanceof Event.CallReturned && e.seq() <= last).map(e -> (Event.CallReturned) e).toList();
            List<LogEntry> lines = calls(vm);
            assertEquals(returned.size(), lines.size(), "the calls returned by moment " + k);
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(returned.get(i).call().text(), lines.get(i).call());
                assertEquals(returned.get(i).seq(), lines.get(i).seq());
            }
        }
        Fx.run(vm::toStart);
        assertTrue(calls(vm).size() < recorded.events().stream().filter(e -> e instanceof Event.CallReturned).count(),
                "back at the start, fewer calls are listed");
    }
}
