package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;

/** A loop's outcome as a value: as: binds its total and n.calls, n.last, n.errno; total, calls and stopped are expected. */
class LoopStepsTest {

    static final String LOOPS = """
            title: Loops
            slide: Receiving Data
            setup:
              processes: [client, server]
              tcp:
                - {name: conn, client: client, server: server}
            steps:
              - process: client
                call: send(conn.client, buf, 100, 0)
                repeat: {times: 3}
                as: sent
                say: Three sends.
                expect: {total: 300, calls: 3, stopped: limit}
              - process: server
                call: recv(conn.server, buf, sent, MSG_WAITALL)
                say: As many as were sent in all.
                expect: {returns: 300}
              - process: server
                call: recv(conn.server, buf, 100, MSG_DONTWAIT)
                repeat: {until: fails EAGAIN}
                as: more
                say: Nothing more.
                expect: {total: 0, calls: {at_least: 1, at_most: 1}, stopped: condition}
              - process: client
                call: send(conn.client, buf, more.calls, 0)
                say: One byte per call the loop made.
                expect: {returns: 1}
            """;

    static Scenario load(String yaml) throws ScenarioException {
        return ScenarioLoader.load("loops.yaml", new StringReader(yaml));
    }

    @Test
    void aLoopBindsItsTotalAndItsCountAndIsJudgedOnThem() throws Exception {
        try (ScenarioSession s = new ScenarioSession(load(LOOPS), new Lab())) {
            List<StepReport> r = s.runToEnd();
            for (StepReport report : r) {
                assertEquals(List.of(), report.failures(), report.step().call() + ": " + report.describe());
            }
            assertEquals(300, r.get(0).outcome().total(), "the sum of three returns of 100");
            assertEquals(100, r.get(0).outcome().ret(), "the return is the last call's");
            assertTrue(r.get(0).describe().contains("300 bytes in all, stopped: limit"), r.get(0).describe());
            assertEquals(300, r.get(1).outcome().ret(), "sent held the loop's total");
            assertEquals(1, r.get(3).outcome().ret(), "more.calls held the loop's count, though its last call failed");
        }
    }

    @Test
    void aWrongTotalSaysExpectedAndActual() throws Exception {
        try (ScenarioSession s = new ScenarioSession(load(LOOPS.replace("total: 300", "total: 400")), new Lab())) {
            StepReport first = s.runToEnd().getFirst();
            assertEquals(List.of("total 400: expected 400 bytes in all, actual: 300 bytes (the sum of the return values"
                    + " of the step's calls)"), first.failures());
        }
    }

    @Test
    void aNameAFailedCallLeftUnboundIsReportedAtOnce() throws Exception {
        String yaml = LOOPS.replace("    repeat: {until: fails EAGAIN}\n", "").replace("expect: {total: 0, calls: {at_least: 1, at_most: 1}, stopped: condition}",
                "expect: {fails: EAGAIN}").replace("more.calls", "more");
        try (ScenarioSession s = new ScenarioSession(load(yaml), new Lab())) {
            for (int i = 0; i < 3; i++) {
                s.step();
            }
            long t0 = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
            assertEquals("step 4 (line 23) uses 'more', but step 3, which binds it, returned -1 EAGAIN (Resource"
                    + " temporarily unavailable), so 'as: more' holds no value", e.getMessage().replace("EAGAIN/EWOULDBLOCK", "EAGAIN"));
            assertTrue(System.nanoTime() - t0 < ScenarioSession.STEP_WAIT.toNanos(), "not after the step wait ran out");
        }
    }

    @Test
    void loopFiguresAreCheckedWhereTheyAreWritten() {
        ScenarioError e = SetupReaderTest.error(LOOPS.replace("stopped: limit", "stopped: EGAIN"));
        assertTrue(e.message().contains("'EGAIN' is not why a loop stops"), e.toString());
        assertTrue(e.hint().contains("did you mean 'EAGAIN'?"), e.toString());
        ScenarioError bounds = SetupReaderTest.error(LOOPS.replace("at_least: 1, at_most: 1", "at_least: 5, at_most: 2"));
        assertEquals("at_least (5) is more than at_most (2)", bounds.message());
        ScenarioError noBytes = SetupReaderTest.error(LOOPS.replace("call: send(conn.client, buf, more.calls, 0)",
                "call: shutdown(conn.client, SHUT_WR)").replace("expect: {returns: 1}", "expect: {total: 0}"));
        assertEquals("'total' counts bytes moved, and shutdown() moves none", noBytes.message());
    }
}
