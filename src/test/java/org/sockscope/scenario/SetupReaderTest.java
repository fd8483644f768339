package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The set-up section: threads, pipes, listeners, actions, options — and its mistakes, located. */
class SetupReaderTest {

    static final String FULL = """
            title: Set-up
            slide: Processes/Threads vs. Parent
            setup:
              processes:
                - server
                - {name: worker, thread_of: server}
                - client
              tcp:
                - name: conn
                  client: client
                  server: server
                  sndbuf: 4096
                  rcvbuf: 2048
                  sndtimeo_ms: 300
                  rcvtimeo_ms: 500
                  nodelay: true
                  nonblocking: [client, server]
              pipes:
                - {name: p, writer: client, reader: worker, capacity: 8192, nonblocking: [read]}
              listeners:
                - {name: lsn, process: server, rcvbuf: 4096, backlog: 4, nonblocking: true}
              actions:
                - fill(conn.client)
            steps:
              - process: worker
                call: recv(conn.server, buf, 10, 0)
                say: A thread uses its process's descriptors.
              - process: worker
                call: shutdown(conn.server, SHUT_RDWR)
                say: Another thread can shut the socket down.
              - process: client
                call: socket(AF_INET, SOCK_STREAM, 0)
                as: s
                say: A standalone socket.
              - process: client
                call: connect(s, lsn)
                say: Connect to the listener by name.
              - process: server
                call: accept(lsn)
                as: c
                say: The server accepts it.
              - process: server
                call: select({c, conn.server}, NULL, 100)
                say: Watch both.
            """;

    static Scenario load(String yaml) throws ScenarioException {
        return ScenarioLoader.load("setup.yaml", new StringReader(yaml));
    }

    static ScenarioError error(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml));
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.first();
    }

    @Test
    void readsEveryPart() throws ScenarioException {
        Setup s = load(FULL).setup();
        assertEquals(Optional.of("server"), s.process("worker").orElseThrow().threadOf());
        assertEquals("server", s.process("worker").orElseThrow().table());
        TcpSpec conn = s.tcp().getFirst();
        assertEquals(new TcpSpec("conn", "client", "server", OptionalInt.of(4096), OptionalInt.of(2048),
                OptionalInt.of(300), OptionalInt.of(500), true, Set.of(Side.CLIENT, Side.SERVER)), conn);
        assertEquals("conn.server", conn.end(Side.SERVER));
        assertEquals(new PipeSpec("p", "client", "worker", OptionalInt.of(8192), false, true), s.pipes().getFirst());
        assertEquals(new ListenerSpec("lsn", "server", OptionalInt.of(4096), OptionalInt.of(4), true), s.listeners().getFirst());
        SetupAction fill = s.actions().getFirst();
        assertEquals("client", fill.process());
        assertEquals("fill", fill.call().name());
        assertEquals(23, fill.sourceLine());
    }

    @Test
    void threadsNeedAProcess() {
        ScenarioError e = error(FULL.replace("thread_of: server", "thread_of: client2"));
        assertEquals("6:33", e.line() + ":" + e.column());
        assertTrue(e.message().contains("'client2' is not a process this thread can belong to"), e.toString());
    }

    @Test
    void namesAreUnique() {
        ScenarioError e = error(FULL.replace("{name: p,", "{name: conn,"));
        assertEquals("19:14", e.line() + ":" + e.column());
        assertTrue(e.hint().contains("first used at line 9"), e.toString());
    }

    @Test
    void nonblockingSidesAreChecked() {
        ScenarioError e = error(FULL.replace("nonblocking: [client, server]", "nonblocking: [client, sever]"));
        assertEquals("17:29", e.line() + ":" + e.column());
        assertTrue(e.hint().contains("did you mean 'server'?"), e.toString());
    }

    @Test
    void pipeCapacityIsBounded() {
        ScenarioError e = error(FULL.replace("capacity: 8192", "capacity: 100"));
        assertTrue(e.message().contains("'capacity' is 100, outside 4096..1048576"), e.toString());
    }

    @Test
    void booleansAreTrueOrFalse() {
        ScenarioError e = error(FULL.replace("nodelay: true", "nodelay: yes"));
        assertEquals("16:16", e.line() + ":" + e.column());
        assertTrue(e.message().contains("'nodelay' must be true or false"), e.toString());
    }

    @Test
    void actionsActOnADescriptor() {
        ScenarioError e = error(FULL.replace("- fill(conn.client)", "- usleep(10)"));
        assertEquals("23:7", e.line() + ":" + e.column());
        assertTrue(e.message().contains("does not act on a descriptor"), e.toString());
    }

    @Test
    void connectNeedsAListener() {
        ScenarioError e = error(FULL.replace("connect(s, lsn)", "connect(s, conn.client)"));
        assertTrue(e.message().contains("'conn.client' is not a listening socket"), e.toString());
    }

    @Test
    void boundDescriptorsBelongToTheStepsProcess() {
        ScenarioError e = error(FULL.replace("call: select({c, conn.server}, NULL, 100)", "call: close(s)"));
        assertEquals("'s' belongs to process 'client', but this call runs in 'server'", e.message());
    }

    @Test
    void aNameCannotChangeKind() {
        ScenarioError e = error(FULL.replace("    call: shutdown(conn.server, SHUT_RDWR)\n",
                "    call: shutdown(conn.server, SHUT_RDWR)\n    as: s\n"));
        assertEquals("34:9", e.line() + ":" + e.column());
        assertEquals("'s' already names a number", e.message());
    }

    @Test
    void emptyRuleIsRefused() {
        ScenarioError e = error(LoaderErrorsTest.BASE.replace("when: {r: blocks}", "when: {}"));
        assertTrue(e.message().contains("'when' is empty"), e.toString());
    }
}
