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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static org.sockscope.scenario.Scenario scenario;
    private static ScenarioSession.Answer answer;
    private static List<String> evidence;
    private final SockScopeApp app = new SockScopeApp();
    private MainWindow window;

    @BeforeAll
    static void record() throws Exception {
        try (ScenarioSession s = new ScenarioSession(ScenarioLoader.loadBundled("03_recv_empty_vs_100"))) {
            s.runToEnd();
            s.settle(Duration.ofSeconds(2));
            title = s.scenario().title();
            scenario = s.scenario();
            file = dir.resolve("scenario" + RecordingFile.EXTENSION);
            answer = s.answer(Duration.ZERO);
            evidence = s.reports().stream().map(org.sockscope.scenario.StepReport::describe).toList();
            Recording r = org.sockscope.cli.Recorder.of(s).frozen();
            recorded = r.trace();
            RecordingFile.write(r, file);
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
    void theScenarioReplaysAsItsTitleAndTheRecordedCallsUpToEachMoment(FxRobot robot) throws Exception {
        ReplayViewModel vm = window.replay().viewModel();
        String heading = robot.lookup("#replayScenario").queryAs(Label.class).getText();
        assertTrue(heading.contains(title) && heading.contains("assets/scenarios/03_recv_empty_vs_100.yaml"), heading);
        int steps = scenario.steps().size();
        assertEquals(steps + 1, vm.moments(), "its set-up, then each step");
        for (int k = 0; k < vm.moments(); k++) {
            int moment = k;
            Fx.run(() -> vm.seek(moment));
            long last = vm.lastEventOf(k);
            String step = robot.lookup("#replayStep").queryAs(Label.class).getText();
            String say = robot.lookup("#replayNarration").queryAs(Label.class).getText();
            if (k == 0) {
                assertEquals("Set up · " + steps + " steps to go", step);
                assertEquals(scenario.about(), say);
            } else {
                var s = scenario.steps().get(k - 1);
                assertEquals("Step " + k + " of " + steps + " · " + s.process() + " · " + s.call().text(), step);
                assertEquals(s.say(), say);
                int started = k;
                long starts = recorded.events().stream().filter(e -> e instanceof Event.CallStarted && e.seq() <= last).count();
                assertTrue(starts >= started, "step " + k + "'s call has started by its moment");
            }
            List<Event.CallReturned> returned = recorded.events().stream()
                    .filter(e -> e instanceof Event.CallReturned && e.seq() <= last).map(e -> (Event.CallReturned) e).toList();
            List<LogEntry> lines = calls(vm);
            assertEquals(returned.size(), lines.size(), "the calls returned by moment " + k);
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(returned.get(i).call().text(), lines.get(i).call());
                assertEquals(returned.get(i).seq(), lines.get(i).seq());
            }
        }
        // The reveal: the answer and each step's outcome as the live code decided them when the run was saved.
        assertTrue(answer.settled() && !answer.letters().isEmpty(), "the recorded run answers its question");
        assertEquals(scenario.question().orElseThrow().prompt(), robot.lookup("#replayQuestion").queryAs(Label.class).getText());
        assertFalse(Fx.on(() -> robot.lookup("#replayRevealed").query().isVisible()), "hidden until the reveal: predict first");
        robot.clickOn("#replayReveal");
        assertTrue(Fx.on(() -> robot.lookup("#replayRevealed").query().isVisible()));
        assertEquals("The kernel's answer: " + String.join(", ", answer.letters())
                + " (decided from the recorded outcomes when the run was saved)", robot.lookup("#replayAnswer").queryAs(Label.class).getText());
        List<String> shown = Fx.on(() -> robot.lookup("#replayEvidence").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(evidence.size(), shown.size());
        for (int i = 0; i < shown.size(); i++) {
            assertTrue(shown.get(i).startsWith("Step " + (i + 1) + " · ") && shown.get(i).endsWith(": " + evidence.get(i)), shown.get(i));
        }
        Fx.run(() -> vm.seek(2));
        assertTrue(Fx.on(() -> robot.lookup("#replayRevealed").query().isVisible()), "still revealed after a step back");
        NoLiveReplay.shown(vm);
        org.sockscope.ui.Screenshots.window(window.getScene(), Path.of("target", "replay-scenario.png"), 1280, 720);
        Fx.run(vm::toStart);
        assertTrue(calls(vm).size() < recorded.events().stream().filter(e -> e instanceof Event.CallReturned).count(),
                "back at the start, fewer calls are listed");
    }
}
