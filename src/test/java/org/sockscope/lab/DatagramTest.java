package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.kernel.SocketProbe;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UDP and AF_UNIX sockets made by actors: message boundaries, drops, socketpair ends, and their kernel figures. */
class DatagramTest extends LabTestBase {

    private int udp(Actor a) throws Exception {
        CallOutcome o = Await.result(a.submit(new Call.Socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_DGRAM, 0)), T);
        assertFalse(o.failed(), "socket(AF_INET, SOCK_DGRAM, 0)");
        return (int) o.ret();
    }

    private int boundPort(Actor a, int fd) throws Exception {
        assertEquals(0, Await.result(a.submit(new Call.Bind(fd, 0)), T).ret());
        return Libc.getsockname(fd).port();
    }

    @Test
    void eachRecvfromReturnsOneWholeDatagramWhereTcpWouldJoinThem() throws Exception {
        Actor rx = lab.actor("rx");
        Actor tx = lab.actor("tx");
        int r = udp(rx);
        int s = udp(tx);
        int port = boundPort(rx, r);
        assertEquals(300, Await.result(tx.submit(new Call.SendTo(s, 300, 0, port)), T).ret());
        assertEquals(200, Await.result(tx.submit(new Call.SendTo(s, 200, 0, port)), T).ret());
        lab.sampleNow();
        SocketFigures f = SocketProbe.probe(r);
        assertTrue(f.datagram() && !f.tcp(), "SO_TYPE says datagram: " + f);
        assertEquals("UDP", f.protocolName());
        assertEquals(300, f.inq(), "SIOCINQ on UDP is the size of the next datagram, not the 500 bytes queued");
        assertEquals(300, Await.result(rx.submit(new Call.RecvFrom(r, 1000, LinuxAbi.MSG_DONTWAIT)), T).ret(),
                "one recvfrom() is one datagram, though 1000 bytes were asked and 500 are queued");
        // A datagram longer than the buffer is cut, the rest discarded; MSG_TRUNC reports its real length.
        assertEquals(200, Await.result(rx.submit(new Call.RecvFrom(r, 50, LinuxAbi.MSG_DONTWAIT | LinuxAbi.MSG_TRUNC)), T).ret());
        CallOutcome tooBig = Await.result(tx.submit(new Call.SendTo(s, 65508, 0, port)), T);
        assertEquals(Errno.EMSGSIZE, tooBig.errno(), "a UDP datagram over IPv4 holds at most 65507 bytes: never split, refused");
        CallOutcome empty = Await.result(rx.submit(new Call.RecvFrom(r, 1000, LinuxAbi.MSG_DONTWAIT)), T);
        assertEquals(Errno.EAGAIN, empty.errno(), "the 150 bytes past the buffer were discarded with their datagram");
    }

    @Test
    void recvfromNamesTheSendersAddress() throws Exception {
        Actor rx = lab.actor("rx");
        Actor tx = lab.actor("tx");
        int r = udp(rx);
        int s = udp(tx);
        int port = boundPort(rx, r);
        int from = boundPort(tx, s);
        Await.result(tx.submit(new Call.SendTo(s, 10, 0, port)), T);
        Await.result(rx.submit(new Call.RecvFrom(r, 100, 0)), T);
        Event.CallReturned ret = lab.trace().events().stream().filter(e -> e instanceof Event.CallReturned c
                && c.call().name().equals("recvfrom")).map(Event.CallReturned.class::cast).findFirst().orElseThrow();
        assertTrue(ret.data().endsWith(" from 127.0.0.1:" + from), ret.data());
    }

    @Test
    void aFullUdpReceiveBufferDropsAndTheSenderNeverWaits() throws Exception {
        Actor rx = lab.actor("rx");
        Actor tx = lab.actor("tx");
        int r = udp(rx);
        int s = udp(tx);
        Await.result(rx.submit(new Call.SetSockOptInt(r, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF, 2048, "SO_RCVBUF")), T);
        int port = boundPort(rx, r);
        int sent = 0;
        for (int i = 0; i < 50; i++) {
            CallOutcome o = Await.result(tx.submit(new Call.SendTo(s, 1000, 0, port)), T);
            assertEquals(1000, o.ret(), "sendto() of a datagram takes it whole, whether or not the receiver has room");
            assertFalse(o.blocked(), "the sender is not put to sleep by the receiver's full buffer");
            sent++;
        }
        SocketFigures f = SocketProbe.probe(r);
        assertTrue(f.drops() > 0, "SO_MEMINFO counts the datagrams dropped on arrival: " + f);
        assertTrue(f.rmemAlloc() > 0 && f.rmemAlloc() <= f.rcvbuf() + 2 * 1000 + 1024,
                "the queue's memory stops near SO_RCVBUF: " + f);
        int got = 0;
        for (int i = 0; i < sent; i++) {
            if (Await.result(rx.submit(new Call.RecvFrom(r, 2000, LinuxAbi.MSG_DONTWAIT)), T).failed()) {
                break;
            }
            got++;
        }
        assertEquals(sent, got + f.drops(), "every datagram sent was either received or counted as dropped");
    }

    @Test
    void socketpairGivesTwoConnectedEndsTheLabWatches() throws Exception {
        Actor a = lab.actor("a");
        CallOutcome o = Await.result(a.submit(new Call.SocketPair(LinuxAbi.AF_UNIX, LinuxAbi.SOCK_DGRAM, 0)), T);
        assertEquals(0, o.ret());
        Event.CallReturned ret = lab.trace().events().stream().filter(e -> e instanceof Event.CallReturned c
                && c.call().name().equals("socketpair")).map(Event.CallReturned.class::cast).findFirst().orElseThrow();
        int[] sv = Call.SocketPair.ends(ret.data());
        assertEquals(2, sv.length, ret.data());
        assertTrue(lab.described(sv[0]) != null && lab.described(sv[1]) != null, "both ends are registered");
        assertEquals(100, Await.result(a.submit(new Call.Send(sv[0], 100, 0)), T).ret());
        assertEquals(50, Await.result(a.submit(new Call.Send(sv[0], 50, 0)), T).ret());
        SocketFigures f = SocketProbe.probe(sv[1]);
        assertEquals("AF_UNIX datagram", f.protocolName());
        assertEquals(100, f.inq(), "SIOCINQ on an AF_UNIX datagram socket is the next message's size");
        assertEquals(100, Await.result(a.submit(new Call.Recv(sv[1], 1000, 0)), T).ret(), "boundaries kept");
    }
}
