package org.sockscope.scenario;

import org.junit.jupiter.api.Test;
import org.sockscope.trace.BundledRecordings;
import org.sockscope.trace.RecordedSteps;
import org.sockscope.trace.Recording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Compare with the recording" names each step where the kernel did otherwise, as recorded vs now; times never count. */
class RecordingComparisonTest {
    @Test
    void eachDifferenceIsNamedAsRecordedVsNowAndTimesDoNotCount() throws Exception {
        Recording r = BundledRecordings.of("03_recv_empty_vs_100").orElseThrow();
        Scenario s = ScenarioLoader.loadBundled("03_recv_empty_vs_100");
        RecordedSteps recorded = r.header().steps();
        List<RecordedSteps.Entry> changed = new ArrayList<>(recorded.steps());
        RecordedSteps.Entry e = changed.get(2); // app_100's recv: 100 bytes at once
        Map<String, Long> figures = new HashMap<>(e.figures());
        figures.put("recv_queue hundred.client", 7L);
        changed.set(2, new RecordedSteps.Entry(e.index(), e.callText(), e.callId(), true, 60, 0, true, e.requested(), e.calls(),
                e.cpuNanos() + 1, e.waitNanos() + 1, e.wallNanos() * 2, e.total(), e.stop(), figures, e.syscall(), e.wchan(),
                e.data(), e.startedSeq(), e.returnedSeq(), e.notes()));
        List<RecordingComparison.Difference> d = RecordingComparison.compare(s, recorded, new RecordedSteps(changed, recorded.names()));
        assertEquals(List.of(
                "Step 3 · app_100 · returned: recorded " + e.ret() + ", now 60",
                "Step 3 · app_100 · blocked: recorded no, now yes (the thread slept in the call)",
                "Step 3 · app_100 · recv_queue hundred.client: recorded " + (e.figures().containsKey("recv_queue hundred.client")
                        ? org.sockscope.kernel.Figure.text(e.figures().get("recv_queue hundred.client")) : "not read") + ", now 7"),
                d.stream().map(Object::toString).toList());
        assertEquals(List.of(), RecordingComparison.compare(s, recorded, recorded), "the same run: no difference");
        List<RecordedSteps.Entry> fewer = recorded.steps().subList(0, 1);
        assertTrue(RecordingComparison.compare(s, recorded, new RecordedSteps(fewer, List.of())).getFirst().toString()
                .endsWith("the step: recorded run, now not run"));
    }
}
