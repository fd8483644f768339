package org.sockscope.lab;

import org.junit.jupiter.api.Test;
import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.DescriptorTable;
import org.sockscope.kernel.ThreadProbe;
import org.sockscope.trace.Slot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process's descriptor table shows the lab's sockets and pipes; reset gives every one back. */
class DescriptorsTest {

    @Test
    void tableListsLabSocketsAndPipesWithNumbersAndKinds() throws Exception {
        try (Lab lab = new Lab()) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            Lab.PipeEnds p = lab.pipe("P1", "P2");
            Map<Integer, Descriptor> table = DescriptorTable.self().stream()
                    .collect(Collectors.toMap(Descriptor::fd, Function.identity()));
            Descriptor client = table.get(c.clientFd());
            Descriptor server = table.get(c.serverFd());
            assertEquals(Descriptor.Kind.SOCKET, client.kind());
            assertEquals(Descriptor.Kind.SOCKET, server.kind());
            assertEquals("ESTABLISHED", client.state());
            assertEquals(client.local(), server.remote(), "the two ends name each other");
            assertEquals(server.local(), client.remote());
            assertTrue(client.local().startsWith("127.0.0.1:"));
            assertEquals(Descriptor.Kind.PIPE_READ, table.get(p.readFd()).kind());
            assertEquals(Descriptor.Kind.PIPE_WRITE, table.get(p.writeFd()).kind());
            assertEquals(table.get(p.readFd()).target(), table.get(p.writeFd()).target(), "both ends: one pipe inode");

            // The trace's Snapshot holds the same numbers with the lab's labels.
            var latest = lab.trace().latest();
            assertEquals("client", latest.descriptor("P1", c.clientFd()).label());
            assertEquals("P2", latest.descriptor("P2", c.serverFd()).process());
            assertEquals(c.clientFd(), latest.descriptor("P2", c.serverFd()).peerFd());
            assertEquals(List.of(new Slot("P1", c.clientFd()), new Slot("P1", p.writeFd()), new Slot("P2", c.serverFd()),
                    new Slot("P2", p.readFd())).stream().sorted().toList(), List.copyOf(latest.descriptors().keySet()));
        }
    }

    @Test
    void lowestFreeNumberIsReused() throws Exception {
        try (Lab lab = new Lab()) {
            int a = lab.socket("P1", "sock");
            Actor p1 = lab.actor("P1");
            Await.result(p1.submit(new Call.Close(a)), Duration.ofSeconds(5));
            assertFalse(lab.trace().latest().descriptors().containsKey(a));
            int b = lab.socket("P1", "sock");
            assertEquals(a, b, "socket() returns the lowest free descriptor number");
        }
    }

    @Test
    void thousandSetUpResetCyclesLeakNoDescriptorsOrThreads() throws Exception {
        try (Lab lab = new Lab()) {
            // Warm up once so lazily opened JVM files and pools are in the baseline.
            cycle(lab);
            int fds = DescriptorTable.countSelf();
            int threads = ThreadProbe.countSelf();
            java.util.Set<String> namesBefore = threadNames();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            for (int i = 0; i < 1000 && System.nanoTime() < deadline; i++) {
                cycle(lab);
            }
            assertEquals(0, lab.openDescriptors());
            // Never more than before: the JVM may retire threads of its own (compiler threads), never ours.
            Await.until(() -> DescriptorTable.countSelf() <= fds && ThreadProbe.countSelf() <= threads
                            && namesBefore.containsAll(threadNames()),
                    Duration.ofSeconds(5), "descriptors back to " + fds + " and threads to " + threads
                            + " (now " + DescriptorTable.countSelf() + ", " + ThreadProbe.countSelf() + "; new threads: "
                            + threadNames().stream().filter(n -> !namesBefore.contains(n)).toList() + ")");
        }
    }

    private static java.util.Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }

    private static void cycle(Lab lab) throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.buffers(4096), SocketOptions.buffers(4096));
        lab.pipe("P1", "P2");
        Actor p1 = lab.actor("P1");
        assertNotNull(Await.result(p1.submit(new Call.Send(c.clientFd(), 10, 0)), Duration.ofSeconds(5)));
        lab.actor("P2");
        lab.reset();
    }
}
