package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;
import org.sockscope.posix.Errno;

/** bind(), listen(), getsockname() and connect() to an address and port, written in steps; loopback only. */
class AddressStepsTest {

    static final String SERVER_IN_STEPS = """
            title: A server made in steps
            slide: Multiple Processes
            setup:
              processes: [server, client]
            steps:
              - process: server
                call: socket(AF_INET, SOCK_STREAM, 0)
                as: s
                say: A socket.
              - process: server
                call: bind(s, INADDR_LOOPBACK, 0)
                say: Port 0, the kernel chooses.
              - process: server
                call: listen(s, 4)
                say: Listening.
              - process: server
                call: getsockname(s)
                as: port
                say: Which port?
              - process: client
                call: socket(AF_INET, SOCK_STREAM, 0)
                as: c
                say: The client's socket.
              - process: client
                call: connect(c, INADDR_LOOPBACK, port)
                say: To the port getsockname() read.
              - process: server
                call: accept(s)
                as: conn
                say: The connection.
              - process: client
                call: socket(AF_INET, SOCK_STREAM, 0)
                as: d
                say: Another socket.
              - process: client
                call: connect(d, INADDR_LOOPBACK, FREE_PORT)
                say: Nobody listens there.
            """;

    @Test
    void aServerMadeInStepsIsReachedAtTheAddressTheKernelGaveIt() throws Exception {
        Scenario sc = ScenarioLoader.load("steps.yaml", new StringReader(SERVER_IN_STEPS));
        try (ScenarioSession s = new ScenarioSession(sc, new Lab())) {
            List<StepReport> r = s.runToEnd();
            assertEquals(0, r.get(1).outcome().ret(), "bind() returned 0");
            assertEquals(0, r.get(2).outcome().ret(), "listen() returned 0");
            assertEquals(0, r.get(3).outcome().ret(), "getsockname() returns 0; the port is in the struct it filled");
            assertTrue(r.get(3).data().matches("127\\.0\\.0\\.1:\\d+"), r.get(3).data());
            assertEquals(0, r.get(5).outcome().ret(), "the client reached the port getsockname() read: " + r.get(5).callText());
            assertTrue(r.get(6).outcome().ret() > 2, "and the server accepted it");
            StepOutcome refused = r.get(8).outcome();
            assertTrue(refused.failed(), refused.toString());
            assertEquals(Errno.ECONNREFUSED, refused.errno(), "nobody listens on FREE_PORT");
        }
    }

    @Test
    void aNonLoopbackAddressIsRefusedWhereItIsWritten() {
        ScenarioError e = SetupReaderTest.error(SERVER_IN_STEPS.replace("bind(s, INADDR_LOOPBACK, 0)", "bind(s, INADDR_ANY, 0)"));
        assertEquals("INADDR_ANY is not a loopback address: SockScope binds and connects on 127.0.0.1 only", e.message());
        assertEquals(11, e.line());
        assertEquals("write INADDR_LOOPBACK", e.hint());
    }

    @Test
    void aPortIsInRange() {
        ScenarioError e = SetupReaderTest.error(SERVER_IN_STEPS.replace("bind(s, INADDR_LOOPBACK, 0)", "bind(s, INADDR_LOOPBACK, 70000)"));
        assertEquals("bind()'s argument 3 (port) is 70000, outside 0..65535", e.message());
    }

    @Test
    void connectTakesAListenerOrAnAddressAndPort() {
        ScenarioError e = SetupReaderTest.error(SERVER_IN_STEPS.replace("connect(c, INADDR_LOOPBACK, port)", "connect(c)"));
        assertTrue(e.message().startsWith("connect() takes 2 to 3 arguments, got 1"), e.toString());
        assertTrue(e.hint().contains("connect(sockfd, INADDR_LOOPBACK, port)"), e.toString());
    }
}
