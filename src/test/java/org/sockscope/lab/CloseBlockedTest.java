package org.sockscope.lab;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockscope.kernel.PipeProbe;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing wedges, nothing lingers: a call asleep in the kernel (pipe read() or write(), select(),
 * accept(), connect()) is woken by {@link Lab#reset()} and by {@link Lab#close()}; its future holds
 * what the kernel then returned, and no thread of the lab's actors is left alive. How long it took
 * is printed, not asserted: a loaded 2-core machine decides that, not the code.
 */
class CloseBlockedTest extends LabTestBase {

    /** A call that sleeps until someone else acts, and what it returns once reset wakes it. */
    enum Kind {
        // reset() closes pipe ends (a reader with no writer reads 0, a writer with no reader gets
        // EPIPE) and shuts sockets down (select() sees the socket readable, accept() on a shut
        // listener fails with EINVAL, a connect() still in SYN_SENT is aborted with ECONNRESET).
        PIPE_READ("read() on an empty pipe", 0, 0),
        PIPE_WRITE("write() on a full pipe", -1, Errno.EPIPE),
        SELECT("select() on a quiet socket", 1, 0),
        ACCEPT("accept()", -1, Errno.EINVAL),
        CONNECT("connect() to a full accept queue", -1, Errno.ECONNRESET);

        final String label;
        final long ret;
        final int errno;

        Kind(String label, long ret, int errno) {
            this.label = label;
            this.ret = ret;
            this.errno = errno;
        }
    }

    enum Way { RESET, CLOSE }

    /** Milliseconds from the reset() or close() call to its return, per kind; printed after all. */
    private static final Map<Kind, Map<Way, Double>> TIMES = new EnumMap<>(Kind.class);

    static Stream<Arguments> cases() {
        return Arrays.stream(Kind.values()).flatMap(k -> Arrays.stream(Way.values()).map(w -> Arguments.of(k, w)));
    }

    @ParameterizedTest(name = "{0} woken by {1}")
    @MethodSource("cases")
    void aBlockedCallEndsAndNoActorThreadIsLeft(Kind kind, Way way) throws Exception {
        String name = kind.name().toLowerCase() + "-" + way.name().toLowerCase();
        Actor actor = lab.actor(name);
        Actor.Submission call = actor.submitTracked(blockingCall(kind, actor));
        Event.CallBlocked blocked = Await.event(lab.trace(), Event.CallBlocked.class, e -> e.callId() == call.callId(), T);
        assertTrue(actor.busy() && !call.result().isDone(), "the kernel says " + blocked.syscall() + " sleeps ("
                + blocked.wchan() + ") and it has not returned");
        assertEquals(List.of("actor-" + name), actorThreads(name), "the actor's thread runs before " + way);

        long t0 = System.nanoTime();
        if (way == Way.RESET) {
            lab.reset();
        } else {
            lab.close();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        synchronized (TIMES) {
            TIMES.computeIfAbsent(kind, k -> new EnumMap<>(Way.class)).put(way, ms);
        }

        assertTrue(call.result().isDone(), way + " returned before the blocked " + kind.label + " did");
        CallOutcome r = call.result().get();
        assertEquals(kind.ret, r.ret(), kind.label + " woken by " + way + ": " + r.display());
        assertEquals(kind.errno, r.errno(), kind.label + " woken by " + way + ": " + Errno.name(r.errno()));
        assertTrue(r.blocked(), "the call's own measurement says it slept");
        assertEquals(List.of(), actorThreads(name), "no actor thread is left after " + way);
        assertEquals(List.of(), lab.actors(), "the lab holds no actor after " + way);
        assertEquals(0, lab.openDescriptors());
    }

    /** Sets up {@code kind}'s world and returns the call that will sleep in it. */
    private Call blockingCall(Kind kind, Actor actor) throws Exception {
        String me = actor.process();
        return switch (kind) {
            case PIPE_READ -> new Call.Read(lab.pipe("writer", me).readFd(), 100);
            case PIPE_WRITE -> {
                Lab.PipeEnds p = lab.pipe(me, "reader");
                int capacity = PipeProbe.probe(p.readFd(), p.writeFd()).capacity();
                assertEquals(capacity, Await.result(actor.submit(new Call.Write(p.writeFd(), capacity)), T).ret(),
                        "the first write fills the pipe to its capacity");
                yield new Call.Write(p.writeFd(), 100);
            }
            case SELECT -> new Call.Select(List.of(lab.connect("peer", me, SocketOptions.DEFAULTS, SocketOptions.DEFAULTS).serverFd()));
            case ACCEPT -> new Call.Accept(lab.listen(me, SocketOptions.DEFAULTS, 1));
            case CONNECT -> {
                // listen(l, 0) holds one connection in its accept queue; nobody accepts it, so the
                // next SYN is dropped and connect() sleeps through its SYN retries.
                int l = lab.listen("server", SocketOptions.DEFAULTS, 0);
                int port = Libc.getsockname(l).port();
                CallOutcome first = Await.result(actor.submit(new Call.Connect(lab.socket(me, "first client"), port)), T);
                assertEquals(0, first.ret(), "the first connect() fills the accept queue: " + first.display());
                yield new Call.Connect(lab.socket(me, "client"), port);
            }
        };
    }

    /** Names of the live threads the actor called {@code name} runs on (its thread is {@code actor-<name>}). */
    private static List<String> actorThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.equals("actor-" + name)).toList();
    }

    @AfterAll
    static void printTimes() {
        synchronized (TIMES) {
            TIMES.forEach((kind, byWay) -> System.out.printf("close with blocked %s: reset %s, close %s%n", kind.label,
                    text(byWay.get(Way.RESET)), text(byWay.get(Way.CLOSE))));
        }
    }

    private static String text(Double ms) {
        return ms == null ? "not run" : String.format("%.1f ms", ms);
    }
}
