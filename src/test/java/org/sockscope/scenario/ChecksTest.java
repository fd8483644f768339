package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;

/** checks: statements about several steps together, decided from settled outcomes. */
class ChecksTest {

    static final String TWO_RECVS = """
            title: One of two
            slide: Receiving Data
            setup:
              processes: [client, server]
              tcp:
                - {name: a, client: client, server: server}
                - {name: b, client: client, server: server}
            steps:
              - process: client
                call: send(a.client, buf, 10, 0)
                say: Ten bytes on a only.
              - id: ra
                process: server
                call: recv(a.server, buf, 10, MSG_DONTWAIT)
                say: From a.
              - id: rb
                process: server
                call: recv(b.server, buf, 10, MSG_DONTWAIT)
                say: From b.
            checks:
              - {exactly_one_of: [ra, rb], outcome: returns 10}
            """;

    static List<String> failed(String yaml) throws Exception {
        try (ScenarioSession s = new ScenarioSession(ScenarioLoader.load("checks.yaml", new StringReader(yaml)), new Lab())) {
            s.runToEnd();
            return s.failedChecks();
        }
    }

    @Test
    void exactlyOneOfTwoStepsReturnedTen() throws Exception {
        assertEquals(List.of(), failed(TWO_RECVS));
    }

    @Test
    void twoThatReturnedTenAreNotExactlyOne() throws Exception {
        String both = TWO_RECVS.replace("    say: Ten bytes on a only.\n",
                "    say: Ten bytes on a.\n  - process: client\n    call: send(b.client, buf, 10, 0)\n    say: And on b.\n");
        assertEquals(List.of("line 24: exactly one of [ra, rb] returns 10: actual: ra matched, rb matched"), failed(both));
    }

    @Test
    void aFailedCheckSaysHowEachStepWasJudged() throws Exception {
        assertEquals(List.of("line 21: all of [ra, rb] returns 10: actual: ra matched, rb did not match"),
                failed(TWO_RECVS.replace("exactly_one_of", "all_of")));
        assertEquals(List.of(), failed(TWO_RECVS.replace("exactly_one_of", "any_of")));
        assertEquals(1, failed(TWO_RECVS.replace("exactly_one_of", "none_of")).size());
    }

    @Test
    void aCheckNamesStepsThatExist() {
        ScenarioError e = SetupReaderTest.error(TWO_RECVS.replace("[ra, rb]", "[ra, rc]"));
        assertEquals("no step has id 'rc'", e.message());
        assertTrue(e.hint().contains("did you mean 'ra'?") || e.hint().contains("did you mean 'rb'?"), e.toString());
        assertEquals(21, e.line());
    }
}
