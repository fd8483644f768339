package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;

/** Expectations on kernel figures after a step: queues of a socket or a pipe, and select()'s ready set. */
class KernelFiguresTest {

    static final String FIGURES = """
            title: Figures
            slide: Receiving Data
            setup:
              processes: [client, server]
              tcp:
                - {name: conn, client: client, server: server}
                - {name: idle, client: client, server: server}
              pipes:
                - {name: p, writer: client, reader: server}
            steps:
              - process: client
                call: send(conn.client, buf, 80, 0)
                say: 80 bytes.
                expect: {returns: 80}
              - process: server
                call: select({conn.server, idle.server}, NULL, 1000)
                say: Which one is ready?
                expect: {ready: [conn.server]}
              - process: server
                call: recv(conn.server, buf, 100, MSG_PEEK)
                say: A peek leaves them queued.
                expect: {returns: 80, recv_queue: 80}
              - process: server
                call: recv(conn.server, buf, 100, 0)
                say: A recv takes them.
                expect: {recv_queue: {conn.server: 0, idle.server: 0}}
              - process: client
                call: write(p.write, buf, 100)
                say: Into the pipe.
                expect: {pipe: {queued: 100}}
            """;

    /** FIGURES expecting 81 queued bytes after the peek, and the idle connection ready. */
    static final String WRONG = FIGURES.replace("recv_queue: 80}", "recv_queue: 81}")
            .replace("ready: [conn.server]", "ready: [idle.server]");

    static Scenario load(String yaml) throws ScenarioException {
        return ScenarioLoader.load("figures.yaml", new StringReader(yaml));
    }

    @Test
    void figuresAfterEachStepAreTheKernels() throws Exception {
        try (ScenarioSession s = new ScenarioSession(load(FIGURES), new Lab())) {
            List<StepReport> r = s.runToEnd();
            for (StepReport report : r) {
                assertEquals(List.of(), report.failures(), report.step().call() + ": " + report.describe());
            }
            assertEquals(80L, r.get(2).outcome().figures().get("recv_queue conn.server"), "SIOCINQ after MSG_PEEK");
            assertEquals(0L, r.get(1).outcome().figures().get("ready idle.server"));
        }
    }

    @Test
    void aWrongFigureSaysExpectedActualAndSource() throws Exception {
        try (ScenarioSession s = new ScenarioSession(load(WRONG), new Lab())) {
            List<StepReport> r = s.runToEnd();
            String ready = "ready [idle.server]: expected ready [idle.server], actual: ready [conn.server] (the sets select() returned)";
            String queue = "recv_queue conn.server 81: expected 81, actual: 80 bytes (SIOCINQ on conn.server, read by SockScope's"
                    + " probe when the step settled)";
            assertEquals(List.of(ready), r.get(1).failures());
            assertEquals(List.of(queue), r.get(2).failures());
        }
    }

    @Test
    void figuresAreCheckedWhereTheyAreWritten() {
        ScenarioError e = SetupReaderTest.error(FIGURES.replace("expect: {returns: 80}", "expect: {ready: [conn.client]}"));
        assertEquals("'ready' is select()'s ready set, and this step calls send()", e.message());
        ScenarioError watched = SetupReaderTest.error(FIGURES.replace("ready: [conn.server]", "ready: [conn.client]"));
        assertTrue(watched.message().startsWith("select() does not watch 'conn.client'"), watched.toString());
        ScenarioError unknown = SetupReaderTest.error(FIGURES.replace("idle.server: 0}", "idle.sever: 0}"));
        assertTrue(unknown.hint().contains("did you mean 'idle.server'?"), unknown.toString());
    }
}
