package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad input: each asserts the exact line and column, and what the message
 * and hint say. Line and column numbers are counted in {@link #BASE}.
 */
class LoaderErrorsTest {

    /** A small valid scenario; tests break one thing in it. Line 13 holds the call, its value at column 11. */
    static final String BASE = """
            title: Test
            slide: recv()
            setup:
              processes: [app, peer]
              tcp:
                - {name: conn, client: app, server: peer, sndbuf: 4096}
            code:
              app: |
                recv(sock, buf, 200, 0);
            steps:
              - id: r
                process: app
                call: recv(conn.client, buf, 200, 0)
                line: 1
                say: Ask for 200.
            question:
              prompt: What happens?
              choices:
                - {letter: A, text: It blocks., when: {r: blocks}}
                - {letter: B, text: Something else, when: otherwise}
            """;

    static ScenarioException reject(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load("scenarios/x.yaml", new StringReader(yaml)));
    }

    static ScenarioError only(String yaml) {
        ScenarioException e = reject(yaml);
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.first();
    }

    static String swap(String from, String to) {
        assertTrue(BASE.contains(from), from);
        return BASE.replace(from, to);
    }

    static void at(ScenarioError e, int line, int column, String message, String hint) {
        assertEquals("scenarios/x.yaml", e.file());
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.toString());
        assertTrue(e.message().contains(message), e.toString());
        assertTrue(e.hint().contains(hint), e.toString());
    }

    @Test
    void baseIsValid() throws ScenarioException {
        Scenario s = ScenarioLoader.load("scenarios/x.yaml", new StringReader(BASE));
        assertEquals("x", s.id());
        assertEquals("recv(conn.client, buf, 200, 0)", s.steps().getFirst().call().text());
    }

    @Test
    void formatsAsFileLineColumn() {
        ScenarioError e = only(swap("call: recv(", "call: recvv("));
        assertEquals("scenarios/x.yaml:13:11: unknown call 'recvv' — did you mean 'recv'? allowed: socket, socketpair, connect, "
                + "bind, listen, getsockname, accept, send, recv, sendto, recvfrom, write, read, close, shutdown, fcntl, setsockopt, select, sleep, usleep, fill, drain, spawn, set, get",
                e.toString());
    }

    @Test
    void yamlSyntaxError() {
        at(only(swap("slide: recv()\n", "slide: recv()\n  oops: 1\n")), 3, 7, "YAML syntax: mapping values are not allowed here", "");
    }

    @Test
    void yamlUnclosedFlow() {
        ScenarioException e = reject(swap("{letter: B, text: Something else, when: otherwise}", "{letter: B, text: Something else"));
        assertEquals(2, e.errors().size(), e.getMessage());
        at(e.errors().get(0), 20, 7, "YAML syntax: this '{' is not closed", "the parser gave up at line 21, column 1");
        at(e.errors().get(1), 21, 1, "YAML syntax: expected ',' or '}'", "the '{' at line 20, column 7 is not closed");
    }

    @Test
    void missingRequiredField() {
        at(only(swap("    say: Ask for 200.\n", "")), 11, 5, "missing field 'say' in step 1", "narration");
    }

    @Test
    void missingTopLevelField() {
        at(only(swap("slide: recv()\n", "")), 1, 1, "missing field 'slide' in the scenario", "add 'slide: …'");
    }

    @Test
    void unknownFieldIsATypo() {
        at(only(swap("    say: Ask", "    sya: Ask")), 15, 5, "unknown field 'sya' in step 1", "did you mean 'say'?");
    }

    @Test
    void duplicateField() {
        at(only(swap("    line: 1\n", "    line: 1\n    line: 1\n")), 15, 5, "duplicate field 'line' in step 1", "first given at line 14");
    }

    @Test
    void wrongTypeNumber() {
        at(only(swap("sndbuf: 4096", "sndbuf: big")), 6, 55, "'sndbuf' must be a whole number in 1..16777216, found 'big'", "e.g. 4096");
    }

    @Test
    void wrongTypeList() {
        at(only(BASE.substring(0, BASE.indexOf("steps:")) + "steps: recv\n"), 10, 8,
                "'steps' must be a list, found 'recv'", "each starting with '- '");
    }

    @Test
    void wrongTypeText() {
        at(only(swap("title: Test", "title: [a, b]")), 1, 8, "'title' in the scenario must be text, found a list", "quote it");
    }

    @Test
    void wrongArity() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200)")), 13, 37,
                "recv() takes 4 arguments, got 3", "write recv(sockfd, buf, len, flags)");
    }

    @Test
    void tooManyArguments() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200, 0, 1)")), 13, 42,
                "recv() takes 4 arguments, got 5", "recv(sockfd, buf, len, flags)");
    }

    @Test
    void wrongArgumentType() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, conn.client, 0)")), 13, 34,
                "'conn.client' is a descriptor, not a number", "");
    }

    @Test
    void numberWhereDescriptorIsExpected() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(5, buf, 200, 0)")), 13, 16,
                "recv()'s argument 1 (sockfd) must be a descriptor name", "defined here: conn.client");
    }

    @Test
    void undefinedDescriptor() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.clinet, buf, 200, 0)")), 13, 16,
                "undefined descriptor 'conn.clinet'", "did you mean 'conn.client'? descriptors defined here: conn.client");
    }

    @Test
    void descriptorOfAnotherProcess() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.server, buf, 200, 0)")), 13, 16,
                "'conn.server' belongs to process 'peer', but this call runs in 'app'", "descriptors of 'app': conn.client");
    }

    @Test
    void unknownConstant() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200, MSG_DONTWAI)")), 13, 39,
                "unknown constant 'MSG_DONTWAI'", "did you mean 'MSG_DONTWAIT'? allowed here: MSG_DONTWAIT, MSG_PEEK, MSG_WAITALL");
    }

    @Test
    void constantFromAnotherCall() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200, MSG_DONTWAIT | O_NONBLOCK)")), 13, 54,
                "O_NONBLOCK is not allowed in recv() here", "allowed here: MSG_DONTWAIT, MSG_PEEK, MSG_WAITALL");
    }

    @Test
    void undefinedNumberName() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf + got, 200, 0)")), 13, 35,
                "undefined name 'got'", "bind a step's result with 'as: got' first");
    }

    @Test
    void lengthOutOfRange() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 130 - 200, 0)")), 13, 34,
                "recv()'s argument 3 (len) is -70, outside 0..67108864", "");
    }

    @Test
    void syntaxErrorInCall() {
        at(only(swap("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200 0)")), 13, 38,
                "expected ',' or ')', found '0'", "");
    }

    @Test
    void quotedCallColumnsCountTheQuote() {
        at(only(swap("call: recv(conn.client, buf, 200, 0)", "call: \"recv(conn.client, buf, 200, MSG_PEK)\"")), 13, 40,
                "unknown constant 'MSG_PEK'", "did you mean 'MSG_PEEK'?");
    }

    @Test
    void unknownProcess() {
        at(only(swap("process: app", "process: ap")), 12, 14, "unknown process 'ap'", "did you mean 'app'? declared processes: app, peer");
    }

    @Test
    void unknownProcessInSetup() {
        at(only(swap("server: peer,", "server: peers,")), 6, 41, "unknown process 'peers'", "did you mean 'peer'?");
    }

    @Test
    void choiceNamesAStepThatDoesNotExist() {
        at(only(swap("when: {r: blocks}", "when: {rr: blocks}")), 19, 44, "no step has id 'rr'", "did you mean 'r'? step ids: r");
    }

    @Test
    void badOutcomePattern() {
        at(only(swap("when: {r: blocks}", "when: {r: returns lots}")), 19, 55, "'lots' is not an amount", "partial, all");
    }

    @Test
    void patternNeedsALength() {
        String yaml = swap("call: recv(conn.client, buf, 200, 0)", "call: close(conn.client)")
                .replace("    say: Ask for 200.\n", "    say: Close.\n    expect: {returns: partial}\n");
        at(only(yaml), 16, 23, "'returns partial' needs a call with a length, and close() has none", "");
    }

    @Test
    void lineOutsideTheListing() {
        at(only(swap("    line: 1\n", "    line: 2\n")), 14, 11, "'line' is 2, outside 1..1", "");
    }

    @Test
    void twoOtherwiseChoices() {
        at(only(BASE + "    - {letter: C, text: Or else, when: otherwise}\n"), 21, 7, "only one choice may be 'otherwise'", "line 20");
    }

    @Test
    void emptyFile() {
        at(only("# nothing here\n"), 1, 1, "the file is empty", "title, slide, setup and steps");
    }

    @Test
    void notAMapping() {
        at(only("- just\n- a list\n"), 1, 1, "the scenario must be a mapping of fields, found a list", "title");
    }

    @Test
    void controlCharacter() {
        at(only(swap("slide: recv()", "slide: re\u0001cv()")), 2, 10, "character U+0001 is not allowed", "");
    }

    @Test
    void manyProblemsAreReportedTogetherInFileOrder() {
        String yaml = swap("title: Test", "titel: Test").replace("sndbuf: 4096", "sndbuf: -1")
                .replace("recv(conn.client, buf, 200, 0)", "recv(conn.client, buf, 200, MSG_NOPE)");
        ScenarioException e = reject(yaml);
        assertEquals(3, e.errors().size(), e.getMessage());
        assertEquals("1:1 6:55 13:39", e.errors().stream().map(x -> x.line() + ":" + x.column())
                .reduce((a, b) -> a + " " + b).orElseThrow());
        assertTrue(e.getMessage().contains("unknown field 'titel'"), e.getMessage());
        // The misspelt field is not also reported missing: one mistake, one message.
        assertTrue(!e.getMessage().contains("missing field 'title'"), e.getMessage());
    }

    @Test
    void invalidUtf8IsLocated(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        byte[] good = BASE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
        int at = BASE.indexOf("Ask for");
        System.arraycopy(good, at, bytes, at + 1, good.length - at);
        bytes[at] = (byte) 0xC3; // a lead byte followed by 'A': not UTF-8
        Files.write(file, bytes);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file.toString(), e.first().file());
        assertEquals("15:10", e.first().line() + ":" + e.first().column());
        assertTrue(e.first().message().contains("not valid UTF-8"));
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("none.yaml")));
        assertTrue(e.first().message().contains("cannot read the file"), e.getMessage());
    }

    @Test
    void stepsBindNamesForLaterSteps() throws ScenarioException {
        String yaml = swap("    say: Ask for 200.\n", """
                    say: Ask for 200.
                    as: got
                  - process: app
                    call: recv(conn.client, buf + got, 200 - got, MSG_DONTWAIT | MSG_PEEK)
                    say: The rest.
                """);
        Scenario s = ScenarioLoader.load("x.yaml", new StringReader(yaml));
        Call c = s.steps().get(1).call();
        assertEquals("got", c.buffer(1).offset().toString());
        assertEquals(170, c.number(2).eval(java.util.Map.of("got", 30L)));
        assertEquals(0x42, c.number(3).eval(java.util.Map.of()));
    }

    @Test
    void aLoopStopsOnWhatACallReturnedNotOnBlocking() {
        ScenarioError e = only(swap("    line: 1\n", "    repeat: {until: blocks}\n    line: 1\n"));
        at(e, 14, 21, "a loop stops on what one call returned", "returns >0");
    }
}
