package org.sockscope.scenario;

import org.junit.jupiter.api.Test;
import org.sockscope.posix.Errno;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario name holds what a C variable holds: a descriptor number, and for a socket the address
 * it had when the name was bound. After close() the number may name something else, and the steps
 * say so; connecting to a closed listener's name goes to its old address.
 */
class KernelIdentityTest {

    private static ScenarioSession session(String steps, String setupExtra) throws Exception {
        String yaml = "title: identity\nslide: socket()\nabout: names after close()\n"
                + "setup:\n  processes: [app]\n" + setupExtra
                + "code:\n  app: |\n    int s;\n"
                + "steps:\n" + steps;
        return new ScenarioSession(ScenarioLoader.load("identity.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String step(String call, String as) {
        return "  - call: " + call + "\n" + (as.isEmpty() ? "" : "    as: " + as + "\n") + "    say: a step\n";
    }

    @Test
    void aReusedNumberReachesTheNewSocketAndTheStepSaysSo() throws Exception {
        try (ScenarioSession s = session(step("socket(AF_INET, SOCK_STREAM, 0)", "old")
                + step("close(old)", "")
                + step("socket(AF_INET, SOCK_STREAM, 0)", "again")
                + step("recv(old, r_buf, 10, MSG_DONTWAIT)", ""), "")) {
            List<StepReport> r = s.runToEnd();
            assertEquals(s.fd("old"), s.fd("again"), "the kernel gave the lowest free number again");
            StepReport recv = r.get(3);
            // the new socket is not connected: the kernel's answer is the new socket's, not EBADF
            assertEquals(Errno.ENOTCONN, recv.outcome().errno(), recv.toString());
            assertEquals(1, recv.notes().size(), recv.notes().toString());
            assertTrue(recv.notes().getFirst().contains("now names a different socket"), recv.notes().toString());
            assertTrue(r.get(1).notes().isEmpty(), "close(old) used old while it still named its socket");
        }
    }

    @Test
    void aFreedNumberGivesTheKernelsEbadf() throws Exception {
        try (ScenarioSession s = session(step("socket(AF_INET, SOCK_STREAM, 0)", "old")
                + step("close(old)", "")
                + step("recv(old, r_buf, 10, MSG_DONTWAIT)", ""), "")) {
            StepReport recv = s.runToEnd().get(2);
            assertEquals(Errno.EBADF, recv.outcome().errno(), recv.toString());
            assertTrue(recv.notes().getFirst().contains("which is closed: the slot is free"), recv.notes().toString());
        }
    }

    @Test
    void connectingToAClosedListenerUsesTheAddressItWasBoundTo() throws Exception {
        try (ScenarioSession s = session(step("close(server_socket)", "")
                + step("socket(AF_INET, SOCK_STREAM, 0)", "sock")
                + step("connect(sock, server_socket)", ""),
                "  listeners:\n    - {name: server_socket, process: app}\n")) {
            String bound = s.trace().events().stream()
                    .filter(e -> e instanceof org.sockscope.trace.Event.DescriptorOpened o && o.label().equals("listener"))
                    .map(e -> ((org.sockscope.trace.Event.DescriptorOpened) e).descriptor().local()).findFirst().orElseThrow();
            List<StepReport> r = s.runToEnd();
            assertEquals(s.fd("server_socket"), s.fd("sock"), "the new socket took the listener's number");
            StepReport connect = r.get(2);
            String made = s.trace().events().stream()
                    .filter(e -> e instanceof org.sockscope.trace.Event.CallStarted c && c.callId() == connect.callId())
                    .map(e -> ((org.sockscope.trace.Event.CallStarted) e).call().text()).findFirst().orElseThrow();
            assertTrue(made.contains("{" + bound + "}"), made + " goes to the listener's address " + bound);
            assertEquals(Errno.ECONNREFUSED, connect.outcome().errno(), connect.toString());
        }
    }
}
