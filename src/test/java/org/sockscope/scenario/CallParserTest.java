package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockscope.posix.LinuxAbi;

/** The C-call parser: the lecture's calls parse to typed arguments; mistakes are refused at the right offset. */
class CallParserTest {
    private Names names;

    @BeforeEach
    void names() {
        names = new Names(Map.of("app", "app", "peer", "peer", "worker", "app"));
        for (String d : List.of("conn.client", "other.client", "p.write", "sock")) {
            names.define(new Names.Symbol(d, Names.Kind.DESCRIPTOR, "app"));
        }
        for (String d : List.of("conn.server", "other.server", "p.read")) {
            names.define(new Names.Symbol(d, Names.Kind.DESCRIPTOR, "peer"));
        }
        names.define(new Names.Symbol("listener", Names.Kind.LISTENER, "peer"));
        names.define(new Names.Symbol("sent", Names.Kind.NUMBER, null));
    }

    Call parse(String text, String process) throws InlineError {
        return CallParser.parse(text, names, process);
    }

    InlineError refuse(String text, String process) {
        return assertThrows(InlineError.class, () -> parse(text, process));
    }

    static long eval(IntExpr e) {
        return e.eval(Map.of("sent", 60L));
    }

    @Test
    void recvFromTheSlide() throws InlineError {
        Call c = parse("recv(conn.server, r_buf, 200, 0)", "peer");
        assertEquals("recv", c.name());
        assertEquals("conn.server", c.fd(0));
        assertEquals("r_buf", c.buffer(1).name());
        assertEquals(200, eval(c.number(2)));
        assertEquals(200, eval(c.length()));
        assertEquals(0, eval(c.number(3)));
    }

    @Test
    void sendTheRestWithArithmetic() throws InlineError {
        Call c = parse("send(conn.client, data + 60, 130 - 60, 0);", "app");
        assertEquals("send(conn.client, data + 60, 130 - 60, 0)", c.text(), "the semicolon is dropped");
        assertEquals(60, eval(c.buffer(1).offset()));
        assertEquals(70, eval(c.number(2)));
        assertTrue(c.number(2).isConstant());
    }

    @Test
    void boundNumbersAreVariables() throws InlineError {
        Call c = parse("send(conn.client, data + sent, 130 - sent, MSG_DONTWAIT)", "app");
        assertEquals(60, eval(c.buffer(1).offset()));
        assertEquals(70, eval(c.number(2)));
        assertEquals(LinuxAbi.MSG_DONTWAIT, eval(c.number(3)));
        assertTrue(!c.number(2).isConstant());
        assertEquals("130 - sent", c.number(2).toString());
    }

    @Test
    void flagsOrAndCLiterals() throws InlineError {
        assertEquals(LinuxAbi.MSG_DONTWAIT | LinuxAbi.MSG_PEEK,
                eval(parse("recv(conn.client, buf, 0x10, MSG_DONTWAIT | MSG_PEEK)", "app").number(3)));
        assertEquals(16, eval(parse("recv(conn.client, buf, 0x10, 0)", "app").number(2)));
        assertEquals(LinuxAbi.O_NONBLOCK, eval(parse("fcntl(sock, F_SETFL, 04000)", "app").number(2)));
    }

    @Test
    void precedenceIsCs() throws InlineError {
        assertEquals(7, eval(parse("read(p.write, buf, 1 + 2 * 3)", "app").number(2)));
        IntExpr e = parse("read(p.write, buf, (1 + 2) * 3)", "app").number(2);
        assertEquals(9, eval(e));
        assertEquals("(1 + 2) * 3", e.toString());
    }

    @Test
    void theOtherCalls() throws InlineError {
        assertEquals(List.of(new Arg.Fd("conn.server"), new Arg.Int(new IntExpr.Constant("F_SETFL", LinuxAbi.F_SETFL)),
                new Arg.Int(new IntExpr.Constant("O_NONBLOCK", LinuxAbi.O_NONBLOCK))),
                parse("fcntl(conn.server, F_SETFL, O_NONBLOCK)", "peer").args());
        assertEquals(2, parse("fcntl(sock, F_GETFL)", "app").args().size());
        assertEquals(4096, eval(parse("setsockopt(conn.client, SOL_SOCKET, SO_SNDBUF, 4096)", "app").number(3)));
        assertEquals(LinuxAbi.TCP_NODELAY, eval(parse("setsockopt(conn.client, IPPROTO_TCP, TCP_NODELAY, 1)", "app").number(2)));
        assertEquals("p.write", parse("write(p.write, data, 100)", "app").fd(0));
        assertEquals("p.read", parse("read(p.read, buf, 100)", "peer").fd(0));
        assertEquals("conn.client", parse("close(conn.client)", "app").fd(0));
        assertEquals(LinuxAbi.SHUT_WR, eval(parse("shutdown(conn.client, SHUT_WR)", "app").number(1)));
        assertEquals(LinuxAbi.SOCK_STREAM, eval(parse("socket(AF_INET, SOCK_STREAM, 0)", "app").number(1)));
        assertEquals("listener", parse("accept(listener)", "peer").fd(0));
        assertEquals("listener", parse("connect(sock, listener)", "app").fd(1), "any process may connect to a listener");
        assertEquals(0, parse("usleep(500000)", "app").descriptors().size());
        assertEquals("conn.client", parse("fill(conn.client)", "app").fd(0));
    }

    @Test
    void threadsUseTheirProcesssTable() throws InlineError {
        assertEquals("conn.client", parse("recv(conn.client, buf, 1, 0)", "worker").fd(0));
    }

    @Test
    void selectBareListIsTheReadSet() throws InlineError {
        Call c = parse("select(conn.server, other.server)", "peer");
        assertEquals(List.of("conn.server", "other.server"), c.fdSet(0).names());
        assertEquals(List.of(), c.fdSet(1).names());
        assertInstanceOf(Arg.None.class, c.args().get(2));
        assertEquals(List.of("conn.server", "other.server"), c.descriptors());
    }

    @Test
    void selectWithSetsAndTimeout() throws InlineError {
        Call c = parse("select({conn.server}, {other.server}, 5000)", "peer");
        assertEquals(List.of("conn.server"), c.fdSet(0).names());
        assertEquals(List.of("other.server"), c.fdSet(1).names());
        assertEquals(5000, eval(c.number(2)));
        Call n = parse("select({conn.server, other.server}, NULL, NULL)", "peer");
        assertEquals(List.of(), n.fdSet(1).names());
        assertInstanceOf(Arg.None.class, n.args().get(2));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            recvv(conn.client, buf, 1, 0)               | app  | 0  | unknown call 'recvv'
            recv(conn.client, buf, 1)                   | app  | 24 | recv() takes 4 arguments, got 3
            close(conn.client, 1)                       | app  | 19 | close() takes 1 argument, got 2
            recv(conn.client, conn.client, 1, 0)        | app  | 18 | 'conn.client' is not a buffer name
            recv(conn.client, buf, sock, 0)             | app  | 23 | 'sock' is a descriptor, not a number
            recv(sent, buf, 1, 0)                       | app  | 5  | 'sent' is a number bound by an earlier step
            recv(7, buf, 1, 0)                          | app  | 5  | must be a descriptor name
            recv(conn.clint, buf, 1, 0)                 | app  | 5  | undefined descriptor 'conn.clint'
            recv(conn.server, buf, 1, 0)                | app  | 5  | belongs to process 'peer'
            recv(conn.client, buf, 1, MSG_PEAK)         | app  | 26 | unknown constant 'MSG_PEAK'
            send(conn.client, buf, 1, MSG_PEEK)         | app  | 26 | MSG_PEEK is not allowed in send()
            send(conn.client, buf, -1, 0)               | app  | 23 | is -1, outside 0..67108864
            send(conn.client, buf, 99999999999999999999, 0) | app | 23 | is not a number C accepts
            send(conn.client, buf, 9223372036854775807 + 1, 0) | app | 23 | overflows
            send(conn.client, &buf, 1, 0)               | app  | 18 | unexpected character '&'
            send(conn.client, buf, 1, 0) extra          | app  | 29 | unexpected 'extra' after the call
            send(conn.client, buf, 1, 0                 | app  | 27 | expected ',' or ')' at the end
            shutdown(conn.client, 1)                    | app  | 22 | must be one of SHUT_RD, SHUT_WR, SHUT_RDWR
            fcntl(sock, F_SETFL)                        | app  | 19 | fcntl() takes 3 arguments, got 2
            fcntl(sock, F_GETFL, 1)                     | app  | 21 | fcntl() takes 2 arguments, got 3
            fcntl(sock, F_SETFL, MSG_PEEK)              | app  | 21 | MSG_PEEK is not allowed in fcntl()
            setsockopt(sock, SOL_SOCKET, TCP_NODELAY, 1) | app | 29 | must be one of SO_SNDBUF
            socket(AF_INET, SOCK_RAW, 0)                | app  | 16 | unknown constant 'SOCK_RAW'
            connect(sock, conn.server)                  | app  | 14 | 'conn.server' is not a listening socket
            select({}, NULL, NULL)                      | peer | 7  | would wait forever
            select({5})                                 | peer | 8  | a descriptor set holds descriptor names
            select({conn.server}, 3)                    | peer | 22 | must be a set such as {conn.server} or NULL
            recv(conn.client, buf, {sock}, 0)           | app  | 23 | only allowed in select()
            usleep(20000000)                            | app  | 7  | outside 0..10000000
            ''                                          | app  | 0  | empty call
            """)
    void refusesWithOffset(String text, String process, int offset, String message) {
        InlineError e = refuse(text, process);
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(offset, e.offset, e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "recv(conn.client, buf, " + "(".repeat(5000) + "1" + ")".repeat(5000) + ", 0)";
        assertTrue(refuse(deep, "app").getMessage().contains("nested too deeply"));
        String minus = "recv(conn.client, buf, " + "-".repeat(5000) + "1, 0)";
        assertTrue(refuse(minus, "app").getMessage().contains("nested too deeply"));
    }

    @Test
    void suggestionsListWhatIsAllowed() {
        InlineError e = refuse("recvv(conn.client, buf, 1, 0)", "app");
        assertTrue(e.hint.startsWith("did you mean 'recv'? allowed: socket, socketpair, connect, bind, listen, getsockname, accept, send, recv"), e.hint);
        InlineError d = refuse("recv(conn.clint, buf, 1, 0)", "app");
        assertTrue(d.hint.contains("did you mean 'conn.client'?"), d.hint);
    }
}
