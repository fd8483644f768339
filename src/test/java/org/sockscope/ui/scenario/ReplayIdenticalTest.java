package org.sockscope.ui.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockscope.posix.LiveSupport;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario run here, saved and opened again with live mode off, draws the same screen at every
 * step as the live view-model did when reviewing that step: the same columns, descriptor tables,
 * socket cards with their figures, code marks and narration (the {@link Screen} records are equal).
 */
class ReplayIdenticalTest {
    private static void frames(ScenarioViewModel vm, String what, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            vm.refresh();
            return condition.call();
        });
    }

    @Test
    void aRecordingMadeHereReplaysWithTheSameScreenAtEveryStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run" + RecordingFile.EXTENSION);
        List<Screen> live = new ArrayList<>();
        int steps;
        try (ScenarioViewModel vm = new ScenarioViewModel()) {
            frames(vm, "the catalogue", () -> !vm.busyProperty().get());
            vm.loadBundled("04b_send_nonblocking");
            frames(vm, "set-up", () -> vm.readyProperty().get() && !vm.busyProperty().get());
            vm.runToEnd();
            frames(vm, "every step", () -> !vm.busyProperty().get() && vm.stepsRunProperty().get() == vm.totalStepsProperty().get());
            steps = vm.stepsRunProperty().get();
            RecordingFile.write(org.sockscope.cli.Recorder.of(vm.session()).frozen(), file);
            for (int k = steps - 1; k >= 0; k--) { // the live view-model's review of each recorded moment
                vm.previous();
                vm.refresh();
                assertEquals(k, vm.positionProperty().get());
                live.addFirst(vm.screenProperty().get());
            }
        }
        System.setProperty(LiveSupport.PROPERTY, "off");
        try (ScenarioViewModel vm = ScenarioViewModel.recordings()) {
            Recording r = RecordingFile.read(file);
            assertTrue(vm.play(r), vm.messageProperty().get());
            for (int k = 0; k < steps; k++) {
                vm.showStep(k);
                vm.refresh();
                assertEquals(live.get(k), vm.screenProperty().get(), "step " + k + " as live showed it");
            }
        } finally {
            System.clearProperty(LiveSupport.PROPERTY);
        }
    }
}
