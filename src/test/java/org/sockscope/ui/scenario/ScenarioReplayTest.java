package org.sockscope.ui.scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sockscope.posix.LiveSupport;
import org.sockscope.scenario.ScenarioLoader;
import org.sockscope.scenario.StepRecords;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.BundledRecordings;
import org.sockscope.trace.Event;
import org.sockscope.trace.Recording;
import org.sockscope.ui.playground.Fx;
import org.sockscope.ui.widget.LogEntry;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With live mode switched off (as on a Mac), every bundled scenario plays from its recording in the
 * scenario view-model itself: step by step its heading, its call with the recorded descriptor
 * numbers, the call log up to where the step ended in the recorded trace, and the reveal with the
 * recorded answer and evidence. Nothing runs: no session is ever opened.
 */
class ScenarioReplayTest {
    @BeforeAll
    static void noLive() {
        System.setProperty(LiveSupport.PROPERTY, "off");
    }

    @AfterAll
    static void clear() {
        System.clearProperty(LiveSupport.PROPERTY);
    }

    @Test
    void everyBundledScenarioPlaysFromItsRecordingStepByStep() throws Exception {
        assertTrue(LiveSupport.unavailableReason().isPresent(), "live mode is off");
        for (String file : ScenarioLoader.bundled()) {
            Recording r = BundledRecordings.of(file).orElseThrow();
            try (ScenarioViewModel vm = ScenarioViewModel.recordings()) {
                vm.loadBundled(file);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                    vm.refresh();
                    return vm.replayProperty().get() && vm.readyProperty().get();
                });
                check(file, vm, r);
            }
        }
    }

    @Test
    void autoplayStepsTheRecordingPausesBeforeTheQuestionAndStopsAtItsLastStep() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage(); // autoplay's Timeline runs on the FX thread
        Recording r = BundledRecordings.of("03_recv_empty_vs_100").orElseThrow();
        ScenarioViewModel vm = Fx.on(ScenarioViewModel::recordings);
        try {
            Fx.run(() -> {
                assertTrue(vm.play(r));
                vm.refresh();
                vm.secondsPerStepProperty().set(0.25);
                vm.autoplayProperty().set(true);
            });
            int predict = Fx.on(() -> vm.scenarioProperty().get().predictBeforeIndex().orElseThrow());
            Fx.await(10, "autoplay pausing before the question's step", () -> {
                vm.refresh();
                return !vm.autoplayProperty().get();
            });
            assertEquals(predict, (int) Fx.on(() -> vm.positionProperty().get()), "paused where the class predicts");
            assertTrue(Fx.on(() -> vm.predictNowProperty().get() && vm.messageProperty().get().startsWith("Autoplay paused")));
            Fx.run(() -> {
                vm.reveal();
                vm.refresh(); // a frame between the reveal and the next click, as on screen
            });
            Fx.run(() -> vm.autoplayProperty().set(true));
            Fx.await(10, "autoplay stopping at the last recorded step", () -> {
                vm.refresh();
                return !vm.autoplayProperty().get();
            });
            assertEquals(Fx.on(() -> vm.stepsRunProperty().get()), Fx.on(() -> vm.positionProperty().get()));
        } finally {
            Fx.run(vm::close);
        }
    }

    private static void check(String file, ScenarioViewModel vm, Recording r) {
        var scenario = vm.scenarioProperty().get();
        List<StepReport> reports = StepRecords.reports(scenario, r.header().steps());
        int steps = reports.size();
        assertEquals(steps, vm.stepsRunProperty().get(), file);
        assertTrue(steps > 0, file + " recorded its steps");
        for (int k = 0; k <= steps; k++) {
            vm.refresh();
            Screen s = vm.screenProperty().get();
            assertEquals(k, vm.positionProperty().get(), file);
            assertFalse(vm.reviewingProperty().get(), "a replay is not the live lab's review");
            if (k == 0) {
                assertTrue(s.title().startsWith("Set up"), file + ": " + s.title());
            } else {
                StepReport rep = reports.get(k - 1);
                assertEquals("Step " + k + " of " + scenario.steps().size() + " · " + rep.step().process(), s.title(), file);
                assertEquals(rep.callText(), s.call(), file + " step " + k + ": the recorded call with its numbers");
                assertEquals(rep.callId(), s.highlightCallId());
            }
            long mark = r.header().stepEnds().get(k);
            long calls = r.trace().events().stream().filter(e -> e.seq() <= mark
                    && (e instanceof Event.CallReturned || e instanceof Event.CallStarted)).count();
            List<LogEntry> log = List.copyOf(vm.log());
            assertTrue(log.stream().allMatch(l -> l.seq() <= mark), file + " step " + k + ": nothing after the step's end");
            assertTrue(log.size() >= Math.min(1, calls), file + " step " + k + ": the recorded calls up to it");
            assertEquals(r.trace().events().get((int) mark).nanos(), vm.clockProperty().get(), "the recorded clock");
            vm.next();
        }
        vm.next(); // past the last recorded step: stays there
        assertEquals(steps, vm.positionProperty().get(), file);
        vm.previous();
        vm.refresh();
        assertEquals(steps - 1, vm.positionProperty().get(), file + ": back");
        if (scenario.question().isPresent()) {
            vm.reveal();
            Verdict v = vm.verdictProperty().get();
            if (r.header().reveal().unsettled().isEmpty()) {
                assertNotNull(v, file);
                assertEquals(r.header().reveal().letters(), v.letters(), file + ": the recorded answer");
                assertFalse(v.evidence().isEmpty(), file + ": with the recorded evidence");
            }
            assertTrue(vm.messageProperty().get().startsWith(r.header().reveal().sentence()), vm.messageProperty().get());
        }
        assertEquals(null, vm.session(), "no session: nothing ran");
    }
}
