package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;

/** UDP sendto()/recvfrom() and socketpair() written in steps; the drop counter as an expectation. */
class DatagramStepsTest {

    static final String UDP = """
            title: Datagrams in steps
            slide: recv()
            setup:
              processes: [rx, tx]
            steps:
              - {process: rx, call: "socket(AF_INET, SOCK_DGRAM, 0)", as: u, say: UDP.}
              - {process: rx, call: "setsockopt(u, SOL_SOCKET, SO_RCVBUF, 2048)", say: Small.}
              - {process: rx, call: "bind(u, INADDR_LOOPBACK, 0)", say: Bound.}
              - {process: rx, call: "getsockname(u)", as: port, say: Port.}
              - {process: tx, call: "socket(AF_INET, SOCK_DGRAM, 0)", as: s, say: Sender.}
              - {process: tx, call: "sendto(s, msg, 300, 0, INADDR_LOOPBACK, port)", say: One., expect: {recv_queue: {u: 300}}}
              - {process: tx, call: "sendto(s, msg, 1000, 0, INADDR_LOOPBACK, port)", repeat: {times: 20}, say: Many.,
                 expect: {dropped: {u: ">0"}, blocks: false}}
              - {process: rx, call: "recvfrom(u, buf, 1000, MSG_DONTWAIT)", say: The first., expect: {returns: 300}}
              - {process: rx, call: "recvfrom(u, buf, 10, MSG_TRUNC)", say: Cut., expect: {returns: 1000}}
            """;

    static final String PAIR = """
            title: A socketpair in steps
            slide: recv()
            setup:
              processes: [p]
            steps:
              - {process: p, call: "socketpair(AF_UNIX, SOCK_STREAM, 0, sv)", say: Two ends.}
              - {process: p, call: "send(sv[0], msg, 100, 0)", say: Into one end.}
              - {process: p, call: "send(sv[0], msg, 50, 0)", say: More.}
              - {process: p, call: "recv(sv[1], buf, 1000, 0)", say: Out of the other.}
            """;

    @Test
    void eachRecvfromIsOneDatagramAndAFullBufferCountsDrops() throws Exception {
        Scenario sc = ScenarioLoader.load("udp.yaml", new StringReader(UDP));
        try (ScenarioSession s = new ScenarioSession(sc, new Lab())) {
            List<StepReport> r = s.runToEnd();
            for (StepReport one : r) {
                assertTrue(one.unmet().isEmpty(), one.callText() + ": " + String.join("; ", one.failures()));
            }
            assertTrue(r.get(7).data().contains(" from 127.0.0.1:"), "recvfrom() names the sender: " + r.get(7).data());
        }
    }

    @Test
    void aDropExpectationFailsWhenNothingWasDropped() throws Exception {
        Scenario sc = ScenarioLoader.load("udp.yaml", new StringReader(UDP.replace("{dropped: {u: \">0\"}", "{dropped: {u: 0}")));
        try (ScenarioSession s = new ScenarioSession(sc, new Lab())) {
            StepReport burst = s.runToEnd().get(6);
            assertEquals(1, burst.unmet().size(), String.join("; ", burst.failures()));
            assertTrue(String.join("; ", burst.failures()).contains("SO_MEMINFO drops on u"), String.join("; ", burst.failures()));
        }
    }

    @Test
    void socketpairBindsBothEndsAndAStreamPairJoinsTheSends() throws Exception {
        Scenario sc = ScenarioLoader.load("pair.yaml", new StringReader(PAIR));
        try (ScenarioSession s = new ScenarioSession(sc, new Lab())) {
            List<StepReport> r = s.runToEnd();
            assertEquals(0, r.get(0).outcome().ret(), "socketpair() returned 0");
            assertEquals(150, r.get(3).outcome().ret(), "AF_UNIX SOCK_STREAM is a byte stream: both sends in one recv()");
            assertTrue(r.get(1).callText().matches("send\\(sv\\[0\\]=\\d+, msg, 100, 0\\)"), r.get(1).callText());
        }
    }

    @Test
    void aPairEndIsUnknownBeforeTheSocketpairAndSocketRefusesAfUnix() {
        ScenarioError before = SetupReaderTest.error(PAIR.replace("send(sv[0], msg, 100, 0)", "send(sv[2], msg, 100, 0)"));
        assertEquals("undefined descriptor 'sv[2]'", before.message());
        ScenarioError unix = SetupReaderTest.error(UDP.replace("socket(AF_INET, SOCK_DGRAM, 0)\", as: u", "socket(AF_UNIX, SOCK_DGRAM, 0)\", as: u"));
        assertEquals("socket()'s argument 1 (domain) must be one of AF_INET, AF_INET6", unix.message());
        assertTrue(unix.hint().contains("socketpair(AF_UNIX"), unix.hint());
    }

    @Test
    void aWrongSendtoSaysItsSynopsis() {
        ScenarioError e = SetupReaderTest.error(UDP.replace("sendto(s, msg, 300, 0, INADDR_LOOPBACK, port)", "sendto(s, msg, 300, 0)"));
        assertEquals("sendto() takes 6 arguments, got 4", e.message());
        assertEquals("write sendto(sockfd, buf, len, flags, addr, port)", e.hint());
    }
}
