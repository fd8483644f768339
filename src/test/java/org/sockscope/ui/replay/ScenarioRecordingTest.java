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
 * A scenario run recorded here replays with live mode off in the scenario view itself ({@code --replay
 * FILE}, as on a Mac): the REPLAY badge, each step's heading and narration, the log up to it, and the
 * reveal with the recorded answer and evidence. The one TestFX test of it; the rest is in ScenarioReplayTest.
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

    @Test
    void theScenarioReplaysInTheScenarioViewWithItsRecordedAnswer(FxRobot robot) throws Exception {
        assertTrue(window.replay() == null && window.scenarioReplay() != null, "the scenario view, not the calls-only replay");
        var vm = window.scenarioReplay().viewModel();
        assertEquals("REPLAY", robot.lookup("#scenarioReplayBadge").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#scenarioReplayWhere").queryAs(Label.class).getText().contains(
                window.scenarioReplay().viewModel().recordingProperty().get().header().kernel()));
        assertEquals(title, Fx.on(() -> vm.scenarioProperty().get().title()));
        int steps = scenario.steps().size();
        for (int k = 0; k <= steps; k++) {
            int moment = k;
            Fx.run(() -> {
                vm.showStep(moment);
                vm.refresh();
            });
            String heading = robot.lookup("#narrationTitle").queryAs(Label.class).getText();
            String say = robot.lookup("#narrationText").queryAs(Label.class).getText();
            if (k == 0) {
                assertEquals("Set up · " + steps + " steps to go", heading);
            } else {
                var s = scenario.steps().get(k - 1);
                assertEquals("Step " + k + " of " + steps + " · " + s.process(), heading);
                assertEquals(s.say(), say);
            }
            long last = recorded.events().size() - 1L;
            assertTrue(Fx.on(() -> vm.log().stream().allMatch(l -> l.seq() <= last)));
        }
        // The reveal: the recorded answer, with the recorded outcomes as its evidence; the pick is judged against it.
        assertTrue(answer.settled() && !answer.letters().isEmpty(), "the recorded run answers its question");
        String wrong = scenario.question().orElseThrow().choices().stream().map(c -> c.letter())
                .filter(l -> !answer.letters().contains(l)).findFirst().orElseThrow();
        Fx.run(() -> vm.pick(wrong));
        robot.clickOn("#reveal");
        assertTrue(Fx.on(() -> vm.messageProperty().get()).startsWith("The kernel's answer: " + String.join(", ", answer.letters())));
        List<String> texts = Fx.on(() -> robot.lookup("#questionPane").queryParent().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null).toList());
        assertTrue(texts.contains("The kernel did: " + String.join(" and ", answer.letters())), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> evidence.stream().anyMatch(t::endsWith)), "the recorded evidence: " + texts);
        Fx.run(vm::refresh);
        org.sockscope.ui.Screenshots.window(window.getScene(), Path.of("target", "replay-scenario.png"), 1280, 720);
    }
}
