package org.sockscope.ui.widget;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.SocketFigures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A descriptor's state as drawn: the kernel's TCP state, and the slides' words where its name misleads. */
class DescriptorRowTest {
    private static final Descriptor SOCKET = new Descriptor(9, Descriptor.Kind.SOCKET, 42, "socket:[1]", "", "", "open");

    /** Figures of a socket in TCP state {@code tcpState} (include/net/tcp_states.h: 1 ESTABLISHED, 7 CLOSE). */
    private static SocketFigures inState(int tcpState) {
        return new SocketFigures(9, 42, 0, 0, 0, 16384, 131072, tcpState, 0, 0, 0, 0, 2, 2, 1, 0, 0);
    }

    @Test
    void aSocketWithNoConnectionIsNotConnectedWithTheKernelsNameBeside() {
        assertEquals("not connected (TCP state CLOSE)", DescriptorRow.state(inState(7), SOCKET));
    }

    @Test
    void aDatagramOrUnixSocketIsNamedByItsKindNotByATcpStateItHasNot() {
        SocketFigures udp = new SocketFigures(9, 42, 0, 0, 0, 16384, 131072, -95, 0, 0, 0, 0, 2, 2, 2, 0, 0);
        assertEquals("UDP", DescriptorRow.state(udp, SOCKET), "TCP_INFO fails with EOPNOTSUPP on UDP: no state to show");
        SocketFigures unix = new SocketFigures(9, 42, 0, 0, 0, 16384, 131072, -95, 0, 0, 0, 0, 2, 1, 1, 0, 0);
        assertEquals("AF_UNIX stream", DescriptorRow.state(unix, SOCKET));
    }

    @Test
    void otherStatesAreTheKernelsNames() {
        assertEquals("ESTABLISHED", DescriptorRow.state(inState(1), SOCKET));
        assertEquals("open", DescriptorRow.state(null, SOCKET), "no TCP figures: the descriptor's own state");
    }
}
