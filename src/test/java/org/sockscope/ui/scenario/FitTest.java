package org.sockscope.ui.scenario;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.Fit;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.SockScopeApp;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen in the room: for every step of every bundled scenario (and its reveal), and for the
 * playground's states, the window at 1024×768, 1366×768, 1920×1080 and 3840×2160 has no label cut
 * with "…", no node past its edge and no horizontal scroll bar ({@link Fit}). Each scenario runs
 * once, step by step; at each step the one window is laid out at the four sizes (a layout pass,
 * not a new run), so the test costs one run of every scenario.
 */
// Left out of ./mvnw verify (pom.xml) until it passes: 512 problems left (463 in scenarios, 49 in the
// playground; from 1303 with 16 scenarios): call-log cells whose wrapped text is still cut at 1024 and
// 1366 px, lanes and send-buffer figures in 3-column scenarios at 1024 px, a 3rd column cut sideways
// at 1024 px. Run it while fixing them: ./mvnw -q -o test -Dtest=FitTest -Dsurefire.failIfNoSpecifiedTests=false
@ExtendWith({org.sockscope.testing.ThreadActors.class, ApplicationExtension.class})
class FitTest {
    /** The screens of the issue: a 4:3 projector, a small laptop, full HD, 4K. */
    static final int[][] SIZES = {{1024, 768}, {1366, 768}, {1920, 1080}, {3840, 2160}};
    private final SockScopeApp app = new SockScopeApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
    }

    @AfterEach
    void stop() {
        MainWindow w = (MainWindow) stage.getScene().getRoot();
        if (w.scenarioMode().view() != null) {
            w.scenarioMode().view().viewModel().close(1000);
        }
        app.stop();
    }

    /** The problems at every size, each prefixed with the size and {@code where}. */
    private List<String> atEverySize(String where) {
        return Fx.on(() -> {
            List<String> out = new ArrayList<>();
            for (int[] s : SIZES) {
                for (String p : Fit.problems(stage.getScene(), s[0], s[1])) {
                    out.add(s[0] + "×" + s[1] + " " + where + ": " + p);
                }
            }
            Fit.problems(stage.getScene(), stage.getScene().getWidth(), stage.getScene().getHeight());
            return out;
        });
    }

    @Test
    void everyStepOfEveryScenarioFitsEveryScreen(FxRobot robot) {
        MainWindow w = Fx.on(() -> (MainWindow) stage.getScene().getRoot());
        Fx.run(() -> w.scenarioMode().showScenarios());
        ScenarioViewModel vm = Fx.on(() -> w.scenarioMode().view().viewModel());
        Fx.await(10, "catalogue", () -> !vm.catalogueProperty().get().isEmpty() && !vm.busyProperty().get());
        Set<String> problems = new LinkedHashSet<>(atEverySize("start list"));
        for (ScenarioFiles.Entry e : Fx.on(() -> vm.catalogueProperty().get())) {
            Fx.run(() -> vm.loadBundled(e.file()));
            Fx.await(10, e.id() + " set up", () -> vm.readyProperty().get() && !vm.busyProperty().get()
                    && vm.scenarioProperty().get().id().equals(e.id()));
            problems.addAll(atEverySize(e.id() + " before step 1"));
            int total = Fx.on(() -> vm.totalStepsProperty().get());
            for (int step = 1; step <= total; step++) {
                int k = step;
                Fx.run(vm::next);
                Fx.await(20, e.id() + " step " + k, () -> !vm.busyProperty().get() && vm.stepsRunProperty().get() == k);
                problems.addAll(atEverySize(e.id() + " step " + k));
            }
            if (Fx.on(() -> vm.question().isPresent())) {
                Fx.run(() -> vm.pick(vm.question().orElseThrow().choices().getLast().letter()));
                Fx.run(vm::reveal);
                Fx.await(10, e.id() + " revealed", () -> vm.verdictProperty().get() != null && !vm.busyProperty().get());
                problems.addAll(atEverySize(e.id() + " revealed"));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void thePlaygroundFitsEveryScreen(FxRobot robot) {
        var vm = app.viewModel();
        Fx.await(10, "connected", () -> vm.process(org.sockscope.ui.playground.Side.CLIENT).get().canCall()
                && vm.process(org.sockscope.ui.playground.Side.SERVER).get().lane().tid() > 0);
        Set<String> problems = new LinkedHashSet<>(atEverySize("playground, connected"));
        Fx.run(() -> vm.recv(org.sockscope.ui.playground.Side.SERVER, 200, false));
        Fx.await(5, "P2 blocked", () -> vm.process(org.sockscope.ui.playground.Side.SERVER).get().lane().status()
                == org.sockscope.ui.widget.LaneState.Status.BLOCKED);
        problems.addAll(atEverySize("playground, P2 blocked in recv"));
        robot.clickOn("#toggleSettings");
        problems.addAll(atEverySize("playground, settings open"));
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }
}
