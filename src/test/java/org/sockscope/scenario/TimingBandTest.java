package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockscope.scenario.LoaderErrorsTest.at;
import static org.sockscope.scenario.LoaderErrorsTest.only;
import static org.sockscope.scenario.LoaderErrorsTest.swap;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timing bands, {@code blocks: {at_least_ms: 100, at_most_ms: 400}}: loaded from {@code expect:},
 * judged on the call's own wall time, and a failure says expected vs actual and where the actual
 * came from. The last tests run real sockets: a recv() woken by a peer that first sleeps 150 ms.
 */
class TimingBandTest {

    static String withExpect(String expect) {
        return swap("    line: 1\n", "    line: 1\n    expect: " + expect + "\n");
    }

    @Test
    void aBandLoadsFromExpect() throws ScenarioException {
        Scenario s = ScenarioLoader.load("x.yaml", new StringReader(withExpect("{blocks: {at_least_ms: 100, at_most_ms: 400}}")));
        assertEquals(List.of(new OutcomePattern.BlocksFor(100, 400)), s.steps().getFirst().expect());
        Scenario lower = ScenarioLoader.load("x.yaml", new StringReader(withExpect("{blocks: {at_least_ms: 100}}")));
        assertEquals("blocks at_least_ms 100", lower.steps().getFirst().expect().getFirst().toString());
    }

    @Test
    void aBandWhoseBoundsCrossIsLocated() {
        at(only(withExpect("{blocks: {at_least_ms: 500, at_most_ms: 400}}")), 15, 22,
                "at_least_ms (500) is more than at_most_ms (400)", "");
    }

    @Test
    void aMisspeltBoundGetsADidYouMean() {
        at(only(withExpect("{blocks: {at_lest_ms: 100}}")), 15, 23, "unknown field 'at_lest_ms' in 'blocks'",
                "did you mean 'at_least_ms'?");
    }

    @Test
    void anEmptyBandIsRefused() {
        at(only(withExpect("{blocks: {}}")), 15, 22, "a timing band needs at_least_ms or at_most_ms", "");
    }

    @Test
    void aBoundThatIsNotANumberSaysTheRange() {
        at(only(withExpect("{blocks: {at_most_ms: soon}}")), 15, 35,
                "'at_most_ms' must be a whole number in 0..3600000, found 'soon'", "");
    }

    @Test
    void blocksThatIsNeitherABooleanNorABandSaysBoth() {
        at(only(withExpect("{blocks: maybe}")), 15, 22, "'blocks' must be true, false or a timing band, found 'maybe'",
                "blocks: {at_least_ms: 100, at_most_ms: 400}");
    }

    private static StepReport recvWithBand(String band) throws Exception {
        Scenario s = ScenarioLoader.load("timing.yaml", WokenRecvScenario.text(band, 150_000).getBytes(StandardCharsets.UTF_8));
        try (ScenarioSession session = new ScenarioSession(s)) {
            StepReport recv = session.runToEnd().getFirst();
            assertFalse(recv.pending(), recv.describe());
            assertTrue(recv.outcome().blocked(), recv.describe());
            return recv;
        }
    }

    @Test
    void aRealBlockInsideTheBandIsMet() throws Exception {
        StepReport recv = recvWithBand("{at_least_ms: 100, at_most_ms: 60000}");
        assertEquals(List.of(), recv.unmet(), recv.describe());
    }

    @Test
    void aRealBlockOutsideTheBandSaysExpectedAndActualAndItsSource() throws Exception {
        StepReport recv = recvWithBand("{at_most_ms: 50}");
        assertEquals(List.of(new OutcomePattern.BlocksFor(OutcomePattern.BlocksFor.NONE, 50)), recv.unmet(), recv.describe());
        String failure = recv.failures().getFirst();
        assertTrue(failure.startsWith("blocks at_most_ms 50: expected to block for at most 50 ms, actual: blocked for "
                + StepOutcome.millis(recv.outcome().wallNanos())), failure);
        assertTrue(failure.contains("the call's own wall-clock measurement"), failure);
    }
}
