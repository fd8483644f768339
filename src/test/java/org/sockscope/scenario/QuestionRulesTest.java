package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockscope.posix.Errno;

/**
 * The answer comes from the outcome: the bundled questions, fed what Linux really does (and what
 * other kernels or a slide's simplification would do), pick the matching letters.
 */
class QuestionRulesTest {

    static Question question(String bundled) throws ScenarioException {
        return ScenarioLoader.loadBundled(bundled).question().orElseThrow();
    }

    static List<String> answer(String bundled, Map<String, StepOutcome> outcomes) throws ScenarioException {
        return QuestionRules.matching(question(bundled), outcomes);
    }

    @Test
    void recvOnLinuxIsB() throws ScenarioException {
        // Empty: the call is still asleep at reveal time. 100 bytes: copied at once.
        assertEquals(List.of("B"), answer("03_recv_empty_vs_100", Map.of(
                "empty", StepOutcome.pending(200), "hundred", StepOutcome.returned(100, 200, false))));
    }

    @Test
    void recvThatNeverBlocksAndReturnsZeroIsD() throws ScenarioException {
        assertEquals(List.of("D"), answer("03_recv_empty_vs_100", Map.of(
                "empty", StepOutcome.returned(0, 200, false), "hundred", StepOutcome.returned(100, 200, false))));
    }

    @Test
    void nonBlockingRecvIsSomethingElse() throws ScenarioException {
        assertEquals(List.of("E"), answer("03_recv_empty_vs_100", Map.of(
                "empty", StepOutcome.failed(Errno.EAGAIN, 200, false), "hundred", StepOutcome.returned(100, 200, false))));
    }

    @Test
    void blockingSendOnLinuxIsDNotTheSlidesB() throws ScenarioException {
        // Both calls asleep at reveal time: the second copied what fit and waits for the rest.
        Map<String, StepOutcome> linux = Map.of("full", StepOutcome.pending(200), "room", StepOutcome.pending(20000));
        assertEquals(List.of("D"), answer("04a_send_blocking", linux));
        assertEquals(Optional.of(List.of("D")), QuestionRules.settledMatching(question("04a_send_blocking"), linux),
                "decided while both sleep: the rules ask what the kernel has already settled");
        // Revealed later, after the peer drained: still D, send() returned the full count.
        assertEquals(List.of("D"), answer("04a_send_blocking", Map.of(
                "full", StepOutcome.returned(200, 200, true), "room", StepOutcome.returned(20000, 20000, true))));
        Choice b = question("04a_send_blocking").choice("B").orElseThrow();
        assertTrue(b.caveat().contains("returns the full count"), "the reveal says where Linux differs");
    }

    @Test
    void aSlideKernelWouldGiveB() throws ScenarioException {
        assertEquals(List.of("B"), answer("04a_send_blocking", Map.of(
                "full", StepOutcome.pending(200), "room", StepOutcome.returned(100, 200, false))));
    }

    @Test
    void nonBlockingSendIsSomethingElse() throws ScenarioException {
        assertEquals(List.of("E"), answer("04b_send_nonblocking", Map.of(
                "full", StepOutcome.failed(Errno.EAGAIN, 200, false), "room", StepOutcome.returned(13000, 20000, false))));
    }

    @Test
    void sendWithTimeoutIsB() throws ScenarioException {
        assertEquals(List.of("B"), answer("04c_send_sndtimeo", Map.of(
                "full", StepOutcome.failed(Errno.EAGAIN, 200, true), "room", StepOutcome.returned(13000, 20000, true))));
    }

    @Test
    void pipeSynchronizationIsTheOs() throws ScenarioException {
        assertEquals(List.of("A"), answer("01_pipe_ipc", Map.of("read_empty", StepOutcome.pending(100))));
        assertEquals(List.of("D"), answer("01_pipe_ipc", Map.of("read_empty", StepOutcome.returned(0, 100, false))));
    }

    @Test
    void busyPollingUsesTooManyResources() throws ScenarioException {
        StepOutcome spun = StepOutcome.returned(5, 0, false).measured(900_000, 490_000_000, 500_000_000);
        StepOutcome got = StepOutcome.returned(100, 100, false).measured(800_000, 495_000_000, 500_000_000);
        assertEquals(List.of("C"), answer("08_busy_polling", Map.of("poll_accept", spun, "poll_recv", got)));
        // Were the loop to sleep in the kernel, it would simply work.
        StepOutcome idle = StepOutcome.returned(100, 100, false).measured(3, 100_000, 500_000_000);
        assertEquals(List.of("A"), answer("08_busy_polling", Map.of("poll_accept", idle, "poll_recv", idle)));
    }

    @Test
    void missingOutcomesDecideNothing() throws ScenarioException {
        Question q = question("03_recv_empty_vs_100");
        Map<String, StepOutcome> half = Map.of("empty", StepOutcome.pending(200));
        // No ruled choice can match yet, so only the catch-all would.
        assertEquals(List.of("E"), QuestionRules.matching(q, half));
        assertEquals(Optional.of(List.of("B")), QuestionRules.settledMatching(q, Map.of("empty", StepOutcome.pending(200),
                "hundred", StepOutcome.returned(100, 200, false))));
    }

    @Test
    void aRuleThatDependsOnARunningCallWaitsForIt() throws ScenarioException {
        // 04c right after its steps: both sends asleep. "room: blocks and not returns partial" must not
        // be read as true while room's send may still return a partial count.
        Question q = question("04c_send_sndtimeo");
        Map<String, StepOutcome> asleep = Map.of("full", StepOutcome.pending(200), "room", StepOutcome.pending(20000));
        assertEquals(Optional.empty(), QuestionRules.settledMatching(q, asleep));
        assertEquals(List.of("full", "room"), QuestionRules.unsettledSteps(q, asleep));
        Map<String, StepOutcome> settled = Map.of("full", StepOutcome.failed(Errno.EAGAIN, 200, true),
                "room", StepOutcome.returned(13000, 20000, true));
        assertEquals(Optional.of(List.of("B")), QuestionRules.settledMatching(q, settled));
    }

    @Test
    void severalChoicesMayMatchAndOtherwiseThenDoesNot() {
        OutcomePattern blocks = new OutcomePattern.Blocks();
        Question q = new Question("?", "", List.of(), List.of(
                new Choice("A", "a", List.of(), Map.of("s", blocks), false, ""),
                new Choice("B", "b", List.of(), Map.of("s", blocks), false, ""),
                new Choice("C", "c", List.of(), Map.of(), false, "never matches"),
                new Choice("D", "d", List.of(), Map.of(), true, "")));
        assertEquals(List.of("A", "B"), QuestionRules.matching(q, Map.of("s", StepOutcome.pending(1))));
        assertEquals(List.of("D"), QuestionRules.matching(q, Map.of("s", StepOutcome.returned(1, 1, false))));
        assertTrue(q.choices().get(2).neverMatches());
    }

    @Test
    void predictionComesBeforeTheFirstDecidingStep() throws ScenarioException {
        Scenario recv = ScenarioLoader.loadBundled("03_recv_empty_vs_100");
        assertEquals(1, recv.predictBeforeIndex().orElseThrow(), "after the set-up send, before recv(empty)");
        assertEquals(2, recv.revealAfterIndex().orElseThrow());
        assertEquals(List.of("empty", "hundred"), List.copyOf(recv.question().orElseThrow().decidingSteps()));
    }
}
