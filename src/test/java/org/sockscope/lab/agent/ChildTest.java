package org.sockscope.lab.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockscope.kernel.Descriptor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process actor is a real process: its own pid and table, calls measured inside it, gone when closed. */
class ChildTest {
    private final Trace trace = new Trace();
    private Child child;

    @AfterEach
    void end() {
        if (child != null) {
            child.close();
        }
    }

    private static CallOutcome await(org.sockscope.lab.Actor.Submission s) throws Exception {
        return s.result().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aProcessHasItsOwnTableAndItsFirstSocketTakesItsLowestFreeNumber() throws Exception {
        child = Child.spawn("P1", 60, trace, List.of());
        assertNotEquals(Libc.getpid(), child.pid(), "a process of its own");
        List<Integer> used = child.startTable().stream().map(Descriptor::fd).toList();
        assertTrue(used.containsAll(List.of(0, 1, 2)), "stdin, stdout and stderr, as any program has: " + used);
        int free = 0;
        while (used.contains(free)) {
            free++;
        }
        int lowestFree = free;
        child.newActor("P1");
        CallOutcome o = await(child.submit("P1", new Call.Socket()));
        assertEquals(lowestFree, o.ret(), "socket() returns the lowest free number of the child's table " + child.startTable());
        Event.DescriptorOpened opened = (Event.DescriptorOpened) trace.events().stream()
                .filter(e -> e instanceof Event.DescriptorOpened d && d.descriptor().fd() == lowestFree).findFirst().orElseThrow();
        assertTrue(opened.descriptor().identity() > 0, "the child's lab read the socket's SO_COOKIE");
        assertTrue(Files.isSymbolicLink(Path.of("/proc", Integer.toString(child.pid()), "fd", Integer.toString(lowestFree))),
                "the socket is in the child's /proc/<pid>/fd");
    }

    @Test
    void aCallInTheChildMeasuresItsOwnSleepAndTheAppSeesItReturn() throws Exception {
        try (Lab lab = new Lab()) {
            int listener = lab.listen("app", SocketOptions.DEFAULTS, 4);
            int port = Libc.getsockname(listener).port();
            child = Child.spawn("P1", 60, trace, List.of());
            int sock = (int) await(child.submit("P1", new Call.Socket())).ret();
            assertEquals(0, await(child.submit("P1", new Call.Connect(sock, port))).ret(), "connected to the app's listener");
            int accepted = (int) Libc.accept(listener).value();
            var recv = child.submit("P1", new Call.Recv(sock, 100, 0));
            // the child's own sampler reports its thread asleep in recvfrom
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (trace.events().stream().noneMatch(e -> e instanceof Event.CallBlocked b && b.callId() == recv.callId())
                    && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            assertTrue(trace.events().stream().anyMatch(e -> e instanceof Event.CallBlocked b && b.callId() == recv.callId()),
                    "reported asleep by the child");
            assertEquals(40, Libc.send(accepted, new byte[40], 0, 40, 0).value());
            CallOutcome o = await(recv);
            assertEquals(40, o.ret());
            assertTrue(o.blocked(), "the kernel put the child's thread to sleep inside recv(): " + o);
            assertTrue(o.cpuNanos() + o.waitNanos() <= o.wallNanos(), o.toString());
            Libc.close(accepted);
        }
    }

    @Test
    void aBlockedCallInTheChildCanBeCancelled() throws Exception {
        try (Lab lab = new Lab()) {
            int listener = lab.listen("app", SocketOptions.DEFAULTS, 4);
            child = Child.spawn("P1", 60, trace, List.of());
            int sock = (int) await(child.submit("P1", new Call.Socket())).ret();
            assertEquals(0, await(child.submit("P1", new Call.Connect(sock, Libc.getsockname(listener).port()))).ret());
            var blocked = child.submit("P1", new Call.Recv(sock, 100, 0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (trace.events().stream().noneMatch(e -> e instanceof Event.CallBlocked b && b.callId() == blocked.callId())
                    && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            child.cancel("P1");
            CallOutcome o = await(blocked);
            assertEquals(0, o.ret(), "recv() woken by the child's shutdown() of its socket returns 0: " + o);
            assertTrue(trace.events().stream().anyMatch(e -> e instanceof Event.CallCancelled c && c.callId() == blocked.callId()),
                    "the child recorded how it was cancelled");
        }
    }

    @Test
    void closingEndsAndReapsTheProcess() throws Exception {
        child = Child.spawn("P1", 60, trace, List.of());
        int pid = child.pid();
        var blocked = child.submit("P1", new Call.Pause(60_000_000));
        long t0 = System.nanoTime();
        child.close();
        int status = child.exited().get(2, TimeUnit.SECONDS);
        System.out.printf("ChildTest: close() with a call asleep in the child: %.1f ms, %s%n",
                (System.nanoTime() - t0) / 1e6, Child.exitText(status));
        assertTrue(child.exited().isDone());
        assertTrue(!Files.exists(Path.of("/proc", Integer.toString(pid))), "reaped: no process, no zombie");
        assertTrue(blocked.result().isDone(), "the call's future is over too");
        child = null;
    }
}
