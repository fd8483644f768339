package org.sockscope.lab.agent;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.Performer;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Errno;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Snapshot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lesson's processes as real processes: each its own table, one trace, nothing left behind. */
class ProcessWorldTest {

    private static CallOutcome await(CompletableFuture<CallOutcome> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPipeBetweenTwoProcessesIsOneInodeInTwoTables() throws Exception {
        try (ProcessWorld w = new ProcessWorld()) {
            Lab.PipeEnds p = w.pipe("P1", "P2");
            w.start(List.of("P1", "P2"));
            Performer p1 = w.actor("P1", "P1");
            Performer p2 = w.actor("P2", "P2");
            assertNotEquals(p1.pid(), p2.pid(), "two processes");
            assertEquals(3, p.writeFd(), "the first number after stdin, stdout and stderr, in P1's own table");
            assertEquals(3, p.readFd(), "and in P2's");
            Descriptor writeEnd = w.described("P1", p.writeFd());
            Descriptor readEnd = w.described("P2", p.readFd());
            assertEquals(Descriptor.Kind.PIPE_WRITE, writeEnd.kind());
            assertEquals(Descriptor.Kind.PIPE_READ, readEnd.kind());
            assertEquals(writeEnd.identity(), readEnd.identity(), "one pipe inode");

            CompletableFuture<CallOutcome> read = p2.submit(new Call.Read(p.readFd(), 100));
            CallOutcome wrote = await(p1.submit(new Call.Write(p.writeFd(), 100)));
            assertEquals(100, wrote.ret());
            assertEquals(100, await(read).ret(), "P2 read what P1 wrote, through the kernel");

            assertEquals(65536, await(p1.submit(new Call.Write(p.writeFd(), 65536))).ret());
            Snapshot s = w.trace().latest();
            assertEquals(65536, s.pipe("P1", p.writeFd()).queued(),
                    "probed in P1 through its write end once the call settled");
        }
    }

    @Test
    void aConnectionBetweenTwoProcessesIsFoundByTheKernelsAddresses() throws Exception {
        try (ProcessWorld w = new ProcessWorld()) {
            w.start(List.of("P1", "P2"));
            Lab.Connection c = w.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            Descriptor client = w.described("P1", c.clientFd());
            Descriptor server = w.described("P2", c.serverFd());
            assertNotNull(client);
            assertNotNull(server);
            assertNotEquals(client.identity(), server.identity(), "two sockets, two cookies");
            assertEquals(client.local(), server.remote());

            assertEquals(100, await(w.actor("P1", "P1").submit(new Call.Send(c.clientFd(), 100, 0))).ret());
            // P2's sampler reads its receive queue; await its reading rather than the clock.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            SocketFigures received = null;
            while (System.nanoTime() < deadline) {
                received = w.trace().latest().socket("P2", c.serverFd());
                if (received != null && received.inq() == 100) {
                    break;
                }
                w.sampleNow();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            assertNotNull(received);
            assertEquals(100, received.inq(), "P2's receive queue, probed in P2");
            SocketFigures peerOfClient = w.trace().latest().peerSocket("P1", c.clientFd());
            assertNotNull(peerOfClient, "the client's peer is found in the other process's table");
            assertEquals(server.identity(), peerOfClient.cookie());
        }
    }

    @Test
    void resetEndsAndReapsEveryProcess() throws Exception {
        List<Integer> pids;
        try (ProcessWorld w = new ProcessWorld()) {
            w.start(List.of("P1", "P2"));
            Lab.Connection c = w.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            w.actor("P2", "P2").submit(new Call.Recv(c.serverFd(), 100, 0)); // asleep in recv(): nothing will come
            pids = List.of(w.process("P1").orElseThrow().pid(), w.process("P2").orElseThrow().pid());
            assertTrue(pids.stream().allMatch(pid -> ProcessHandle.of(pid).isPresent()));
            w.reset();
            assertFalse(w.process("P1").isPresent(), "no process after reset");
        }
        // ProcessHandle.of also finds a zombie: empty means ended and reaped.
        assertEquals(List.of(), pids.stream().filter(pid -> ProcessHandle.of(pid).isPresent()).toList());
    }

    @Test
    void aSpawnedProcessHoldsTheSameSocketAtTheSameNumberUntilTheLastClose() throws Exception {
        try (ProcessWorld w = new ProcessWorld()) {
            w.start(List.of("client", "server"));
            Lab.Connection c = w.connect("client", "server", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            Performer server = w.actor("server", "server");
            CallOutcome spawned = await(server.submit(new Call.Spawn("handler", false, null)));
            assertFalse(spawned.failed(), spawned.display());
            Performer handler = w.actor("handler", "handler");
            assertEquals(spawned.ret(), handler.pid(), "spawn() returned the new process's pid");
            assertNotEquals(server.pid(), handler.pid());
            Descriptor inParent = w.described("server", c.serverFd());
            Descriptor inChild = w.described("handler", c.serverFd());
            assertNotNull(inChild, "inherited at the same number");
            assertEquals(inParent.identity(), inChild.identity(), "one kernel socket (SO_COOKIE) in two tables");

            assertEquals(0, await(server.submit(new Call.Close(c.serverFd()))).ret());
            Performer client = w.actor("client", "client");
            CallOutcome afterParentClose = await(client.submit(new Call.Recv(c.clientFd(), 10, LinuxAbi.MSG_DONTWAIT)));
            assertEquals(-1, afterParentClose.ret(), "no FIN: the handler still holds the socket");
            assertEquals(Errno.EAGAIN, afterParentClose.errno());

            CompletableFuture<CallOutcome> handlerRecv = handler.submit(new Call.Recv(c.serverFd(), 10, 0));
            CallOutcome parentRuns = await(server.submit(new Call.Store("x", 1)));
            assertEquals(1, parentRuns.ret(), "the parent runs while its child sleeps in recv()");
            assertFalse(handlerRecv.isDone());
            assertEquals(5, await(client.submit(new Call.Send(c.clientFd(), 5, 0))).ret());
            assertEquals(5, await(handlerRecv).ret(), "what the client sent reached the child's copy");

            assertEquals(0, await(handler.submit(new Call.Close(c.serverFd()))).ret());
            assertEquals(0, await(client.submit(new Call.Recv(c.clientFd(), 10, 0))).ret(), "the last close sent the FIN");
        }
    }

    @Test
    void aSpawnedProcessHasACopyOfMemoryAndASpawnedThreadSharesIt() throws Exception {
        try (ProcessWorld w = new ProcessWorld()) {
            w.start(List.of("P1"));
            Performer p1 = w.actor("P1", "P1");
            await(p1.submit(new Call.Store("x", 1)));
            assertFalse(await(p1.submit(new Call.Spawn("child", false, null))).failed());
            Performer child = w.actor("child", "child");
            assertEquals(1, await(child.submit(new Call.Load("x"))).ret(), "the child starts with a copy");
            await(child.submit(new Call.Store("x", 2)));
            assertEquals(1, await(p1.submit(new Call.Load("x"))).ret(), "the parent does not see the child's store");

            CallOutcome thread = await(p1.submit(new Call.Spawn("worker", true, null)));
            assertFalse(thread.failed(), thread.display());
            Performer worker = w.actor("worker", "P1");
            assertEquals(p1.pid(), worker.pid(), "a thread of P1");
            assertEquals(thread.ret(), worker.tid(), "spawn() of a thread returned its tid");
            await(worker.submit(new Call.Store("x", 3)));
            assertEquals(3, await(p1.submit(new Call.Load("x"))).ret(), "the parent sees its thread's store");
            assertEquals(2, await(child.submit(new Call.Load("x"))).ret());
        }
    }
}
