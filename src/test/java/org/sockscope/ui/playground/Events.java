package org.sockscope.ui.playground;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Call;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.CallSpec;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.util.List;

/** Builds synthetic traces for view-model tests: a connection P1 fd 5 ⇄ P2 fd 6, calls, samples. */
final class Events {
    static final int CLIENT = 5;
    static final int SERVER = 6;
    private final Trace trace = new Trace();
    private long callId = 100;
    private long t = 1_000_000;

    Trace trace() {
        return trace;
    }

    Events connected() {
        add(new Event.ActorChanged(0, t, "P1", "P1", 1001, true));
        add(new Event.ActorChanged(0, t, "P2", "P2", 1002, true));
        add(new Event.DescriptorOpened(0, t, "P1", new Descriptor(CLIENT, Descriptor.Kind.SOCKET, 1000 + CLIENT, "socket:[1]",
                "127.0.0.1:40000", "127.0.0.1:50000", "ESTABLISHED"), "client", SERVER, 1000 + SERVER, 4096, 4096));
        add(new Event.DescriptorOpened(0, t, "P2", new Descriptor(SERVER, Descriptor.Kind.SOCKET, 1000 + SERVER, "socket:[2]",
                "127.0.0.1:50000", "127.0.0.1:40000", "ESTABLISHED"), "server", CLIENT, 1000 + CLIENT, 4096, 4096));
        return sample(0, 0, 0, 0);
    }

    /** The samples' status flags: unreadable (-EBADF), so a card's blocking mode is the derived one. */
    static final int NO_FLAGS = -org.sockscope.posix.Errno.EBADF;

    /** A kernel sample: the client's OUTQ/NSD and the server's INQ (other figures fixed). */
    Events sample(int clientOutq, int clientNsd, int serverInq, int clientInq) {
        return add(new Event.KernelSample(0, t, List.of(
                new SocketFigures(CLIENT, 1000 + CLIENT, clientInq, clientOutq, clientNsd, 8192, 8192, 1, 4096, 4096, 0, 0, NO_FLAGS, 2, 1, 0, 0),
                new SocketFigures(SERVER, 1000 + SERVER, serverInq, 0, 0, 8192, 8192, 1, 4096, 4096 - serverInq, 0, 0, NO_FLAGS, 2, 1, 0, 0)), List.of()));
    }

    /** The id the next call will get. */
    long nextId() {
        return callId + 1;
    }

    /** A call that started and returned {@code ret} (errno when -1), with {@code data} for reads. */
    Events call(String actor, Call call, long ret, int errno, String data) {
        long id = ++callId;
        CallSpec spec = call.spec();
        add(new Event.CallStarted(0, t, actor, id, spec));
        t += 50_000;
        return add(new Event.CallReturned(0, t, actor, id, spec, new CallOutcome(ret, errno, 50_000, false), data));
    }

    /** A call that started and the kernel reported asleep. */
    Events blocked(String actor, Call call, String syscall, String wchan) {
        long id = ++callId;
        add(new Event.CallStarted(0, t, actor, id, call.spec()));
        return add(new Event.CallBlocked(0, t + 1000, actor, id, syscall, wchan));
    }

    /** Only the start of a call (still running). */
    Events started(String actor, Call call) {
        return add(new Event.CallStarted(0, t, actor, ++callId, call.spec()));
    }

    Events returned(String actor, Call call, long ret, String data) {
        return add(new Event.CallReturned(0, t, actor, callId, call.spec(), new CallOutcome(ret, 0, 5_000_000, true), data));
    }

    /** The running call's return with its whole measured {@code outcome}. */
    Events returned(String actor, Call call, CallOutcome outcome, String data) {
        return add(new Event.CallReturned(0, t, actor, callId, call.spec(), outcome, data));
    }

    Events add(Event e) {
        trace.append(e);
        t += 1000;
        return this;
    }
}
