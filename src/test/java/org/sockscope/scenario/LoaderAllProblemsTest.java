package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockscope.scenario.LoaderErrorsTest.BASE;
import static org.sockscope.scenario.LoaderErrorsTest.at;
import static org.sockscope.scenario.LoaderErrorsTest.only;
import static org.sockscope.scenario.LoaderErrorsTest.reject;
import static org.sockscope.scenario.LoaderErrorsTest.swap;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "All problems at once": one mistake must not hide another in the same step, YAML syntax errors
 * point at what was left open, and typos and range errors say what is allowed. Line and column
 * numbers are counted in {@link LoaderErrorsTest#BASE}.
 */
class LoaderAllProblemsTest {

    /** The problems of {@code yaml}, in file order; asserts there are {@code count}. */
    static List<ScenarioError> errors(String yaml, int count) {
        ScenarioException e = reject(yaml);
        assertEquals(count, e.errors().size(), e.getMessage());
        return e.errors();
    }

    @Test
    void anUnknownProcessDoesNotHideAnUnknownCall() {
        List<ScenarioError> e = errors(swap("process: app", "process: ap").replace("call: recv(", "call: recvv("), 2);
        at(e.get(0), 12, 14, "unknown process 'ap'", "did you mean 'app'?");
        at(e.get(1), 13, 11, "unknown call 'recvv'", "did you mean 'recv'?");
    }

    @Test
    void anUnknownProcessStillHasItsArgumentsChecked() {
        List<ScenarioError> e = errors(swap("process: app", "process: ap")
                .replace("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200, MSG_PEK)"), 2);
        at(e.get(1), 13, 39, "unknown constant 'MSG_PEK'", "did you mean 'MSG_PEEK'?");
    }

    @Test
    void everyWrongArgumentOfACallIsReported() {
        List<ScenarioError> e = errors(swap("recv(conn.client, buf, 200, 0)", "recv(conn.clinet, buf, 200, MSG_DONTWAI)"), 2);
        at(e.get(0), 13, 16, "undefined descriptor 'conn.clinet'", "did you mean 'conn.client'?");
        at(e.get(1), 13, 39, "unknown constant 'MSG_DONTWAI'", "did you mean 'MSG_DONTWAIT'?");
    }

    @Test
    void everyWrongDescriptorOfASelectIsReported() {
        List<ScenarioError> e = errors(swap("recv(conn.client, buf, 200, 0)", "select({conn.clinet}, {conn.server}, 10)"), 2);
        at(e.get(0), 13, 19, "undefined descriptor 'conn.clinet'", "");
        at(e.get(1), 13, 34, "'conn.server' belongs to process 'peer'", "");
    }

    @Test
    void aBadExpectBesideABadCallIsReportedToo() {
        List<ScenarioError> e = errors(swap("call: recv(", "call: recvv(")
                .replace("    line: 1\n", "    line: 1\n    expect: {retruns: 5, blocks: maybe}\n"), 3);
        at(e.get(0), 13, 11, "unknown call 'recvv'", "");
        at(e.get(1), 15, 14, "unknown field 'retruns' in 'expect'", "did you mean 'returns'?");
        at(e.get(2), 15, 34, "'blocks' must be true, false or a timing band, found 'maybe'", "");
    }

    @Test
    void aBadRepeatBesideABadCallIsReportedToo() {
        List<ScenarioError> e = errors(swap("call: recv(", "call: recvv(")
                .replace("    line: 1\n", "    line: 1\n    repeat: {until: returns lots}\n"), 2);
        at(e.get(1), 15, 29, "'lots' is not an amount", "");
    }

    @Test
    void aRuleOnAStepThatFailedToLoadStillHasItsPatternChecked() {
        List<ScenarioError> e = errors(swap("call: recv(", "call: recvv(").replace("when: {r: blocks}", "when: {r: returns lots}"), 2);
        at(e.get(1), 19, 55, "'lots' is not an amount", "");
    }

    @Test
    void anUnclosedBracketIsReportedAtTheBracketAndWhereParsingStopped() {
        List<ScenarioError> e = errors(swap("processes: [app, peer]", "processes: [app, peer"), 2);
        at(e.get(0), 4, 14, "YAML syntax: this '[' is not closed", "line 5");
        at(e.get(1), 5, 6, "YAML syntax: expected ',' or ']'", "the '[' at line 4, column 14");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheQuote() {
        List<ScenarioError> e = errors(swap("title: Test", "title: \"Test"), 2);
        at(e.get(0), 1, 8, "YAML syntax: this quote (\") is not closed", "line 21");
    }

    @Test
    void aMisspeltErrnoInExpectGetsADidYouMean() {
        at(only(swap("    line: 1\n", "    line: 1\n    expect: {fails: EAGIAN}\n")), 15, 21,
                "unknown errno 'EAGIAN'", "did you mean 'EAGAIN'?");
    }

    @Test
    void aMisspeltErrnoInAPatternGetsADidYouMean() {
        at(only(swap("when: {r: blocks}", "when: {r: fails ECONNRESTE}")), 19, 53,
                "unknown errno 'ECONNRESTE'", "did you mean 'ECONNRESET'?");
    }

    @Test
    void aFlagInLowerCaseGetsADidYouMean() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200, msg_dontwait)")), 13, 39,
                "unknown constant 'msg_dontwait'", "did you mean 'MSG_DONTWAIT'? allowed here: MSG_DONTWAIT, MSG_PEEK");
    }

    @Test
    void aNumberTooLargeForAnyFieldSaysTheRange() {
        at(only(swap("sndbuf: 4096", "sndbuf: 99999999999999999999")), 6, 55,
                "'sndbuf' is 99999999999999999999, outside 1..16777216", "");
    }

    @Test
    void aRepeatCountThatIsNotANumberSaysTheRange() {
        at(only(swap("    line: 1\n", "    line: 1\n    repeat: {times: often}\n")), 15, 21,
                "'times' must be a whole number in 1..100000000, found 'often'", "");
    }

    @Test
    void aMissingProcessListIsOneProblemNotOneForEveryUseOfAProcess() {
        at(only(swap("  processes: [app, peer]\n", "")), 4, 3, "missing field 'processes' in setup", "");
    }

    @Test
    void everyProblemOfAFileAtOnce() {
        String yaml = BASE.replace("process: app", "process: ap").replace("call: recv(", "call: recvv(")
                .replace("    line: 1\n", "    line: 1\n    expect: {fails: EAGIAN}\n")
                .replace("sndbuf: 4096", "sndbuf: big").replace("when: {r: blocks}", "when: {r: returns lots}");
        List<ScenarioError> e = errors(yaml, 5);
        assertEquals("6:55 12:14 13:11 15:21 20:55", String.join(" ",
                e.stream().map(x -> x.line() + ":" + x.column()).toList()));
    }
}
