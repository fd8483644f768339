package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** spawn(), set() and get() in a scenario: who may spawn whom, when, and which descriptors a child holds. */
class SpawnStepsTest {

    static final String BASE = """
            title: Spawn
            slide: Processes/Threads vs. Parent
            setup:
              processes:
                - server
                - client
                - {name: handler, spawned_by: server}
                - {name: worker, thread_of: server, spawned_by: server}
              tcp:
                - {name: conn, client: client, server: server}
            steps:
              - process: server
                call: set(x, 1)
                say: A variable.
              - process: server
                call: spawn(handler)
                as: pid
                say: A process.
              - process: server
                call: spawn(worker)
                say: A thread.
              - process: handler
                call: recv(conn.server, buf, 10, 0)
                say: The child's copy.
              - process: worker
                call: get(x)
                as: seen
                say: Shared memory.
            """;

    @Test
    void readsSpawnedProcessesAndThreads() throws ScenarioException {
        Scenario s = SetupReaderTest.load(BASE);
        ProcessSpec handler = s.setup().process("handler").orElseThrow();
        ProcessSpec worker = s.setup().process("worker").orElseThrow();
        assertEquals(Optional.of("server"), handler.spawnedBy());
        assertTrue(handler.spawnedProcess());
        assertEquals("server", worker.table());
        assertFalse(worker.spawnedProcess(), "a spawned thread shares its process: no process needed for it");
        assertTrue(ScenarioSession.needsProcesses(s));
        assertEquals(new Arg.Process("handler", false), s.steps().get(1).call().args().getFirst());
        assertEquals(new Arg.Process("worker", true), s.steps().get(2).call().args().getFirst());
        assertEquals(new Arg.Variable("x"), s.steps().get(4).call().args().getFirst());
    }

    @Test
    void aChildCannotCallBeforeItIsSpawned() {
        ScenarioError e = SetupReaderTest.error(BASE.replace("""
                  - process: server
                    call: spawn(handler)
                    as: pid
                    say: A process.
                """, "").replace("as: seen", "as: seen2") + """
                  - process: server
                    call: spawn(handler)
                    say: Too late.
                """);
        assertEquals("handler makes a call before a step spawns it", e.message());
        assertEquals(18, e.line(), "the handler's first step");
    }

    @Test
    void aChildIsSpawnedOnce() {
        ScenarioError e = SetupReaderTest.error(BASE + """
                  - process: server
                    call: spawn(handler)
                    say: Again.
                """);
        assertEquals("handler is spawned twice", e.message());
        assertTrue(e.hint().contains("step 2"), e.toString());
    }

    @Test
    void onlyItsSpawnerSpawnsIt() {
        ScenarioError e = SetupReaderTest.error(BASE.replace("  - process: server\n    call: spawn(handler)",
                "  - process: client\n    call: spawn(handler)"));
        assertEquals("'handler' is not declared spawned_by client", e.message());
    }

    @Test
    void aThreadIsSpawnedByItsOwnProcess() {
        ScenarioError e = SetupReaderTest.error(BASE.replace("thread_of: server, spawned_by: server", "thread_of: server, spawned_by: client"));
        assertEquals("thread worker belongs to 'server', so 'client' cannot spawn it", e.message());
    }

    @Test
    void aSpawnedProcessHoldsNothingInTheSetUp() {
        ScenarioError e = SetupReaderTest.error(BASE.replace("{name: conn, client: client, server: server}",
                "{name: conn, client: client, server: handler}"));
        assertEquals("'handler' is spawned by a step, so it does not exist during the set-up", e.message());
    }

    @Test
    void theChildHoldsOnlyWhatExistedAtTheSpawn() {
        ScenarioError e = SetupReaderTest.error(BASE.replace("""
                  - process: handler
                    call: recv(conn.server, buf, 10, 0)
                    say: The child's copy.
                """, """
                  - process: server
                    call: socket(AF_INET, SOCK_STREAM, 0)
                    as: later
                    say: After the spawn.
                  - process: handler
                    call: close(later)
                    say: Not the child's.
                """));
        assertEquals("'later' belongs to process 'server', but this call runs in 'handler'", e.message());
    }

    @Test
    void aVariableIsNotADescriptor() {
        ScenarioError e = SetupReaderTest.error(BASE.replace("call: set(x, 1)", "call: set(conn.server, 1)"));
        assertTrue(e.message().startsWith("set()'s argument 1 (variable) must be a variable's name"), e.toString());
    }
}
