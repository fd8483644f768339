package org.sockscope.concurrency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockscope.lab.Lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's server models on real loopback sockets, their calls made by lab actors (threads of this JVM here). */
class ModelsTest {

    @ParameterizedTest
    @EnumSource(value = Model.class, names = "PROCESS_PER_CONNECTION", mode = EnumSource.Mode.EXCLUDE)
    void everyModelServesEveryRequestOfItsWorkload(Model model) throws Exception {
        Workload load = new Workload(4, 3, 3000, 0, 0, 0);
        try (Lab lab = new Lab()) {
            Results r = LabRun.run(lab, model, load);
            assertEquals(12, r.clients().requests().size(), "every request answered with all its bytes");
            // -1/EAGAIN is the busy-polling loop's "nothing yet"; nothing else may fail.
            assertTrue(r.server().errors.keySet().stream().allMatch(e -> e.endsWith(": EAGAIN")), r.table());
            assertTrue(r.server().calls.sum() >= 4 * (1 + 3 * 2 + 2), "accept, recv and send per request, the last recv and close: " + r.table());
        }
    }

    @Test
    void theIterativeServersOtherClientsWaitForTheSlowOne() throws Exception {
        Workload load = new Workload(3, 1, 200, 0, 1, 2000);
        try (Lab lab = new Lab()) {
            LoadClients.Done d = LabRun.run(lab, Model.ITERATIVE, load).clients();
            assertTrue(d.stallTimedOut(), "the others could not finish while the server sat in the slow client's recv()");
            assertTrue(d.requests().stream().filter(q -> q.client() != 0).allMatch(q -> q.endNanos() > d.stallEndNanos()),
                    "every other client was answered after the stall ended");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"THREAD_PER_CONNECTION", "WORK_QUEUE", "BUSY_POLLING", "SELECT", "POOL_OF_LOOPS", "POLL", "EPOLL",
        "POOL_OF_EPOLL_LOOPS"})
    void concurrentServersServeTheOthersDuringTheStall(Model model) throws Exception {
        Workload load = new Workload(3, 1, 200, 0, 1, 30_000);
        try (Lab lab = new Lab()) {
            LoadClients.Done d = LabRun.run(lab, model, load).clients();
            assertFalse(d.stallTimedOut(), "the others finished, which ended the stall");
            assertTrue(d.othersDoneNanos() <= d.stallEndNanos());
        }
    }

    @Test
    void theBusyPollingServerTriesAgainAndAgainWhileNothingHasCome() throws Exception {
        Workload load = new Workload(2, 1, 200, 0, 1, 30_000);
        try (Lab lab = new Lab()) {
            Results r = LabRun.run(lab, Model.BUSY_POLLING, load);
            assertFalse(r.clients().stallTimedOut(), "it never blocks, so it served the other client during the stall");
            var eagain = r.server().errors.get("recv: EAGAIN");
            assertTrue(eagain != null && eagain.sum() > 0, "the slow client's half request: recv() said EAGAIN, again and again: " + r.table());
        }
    }

    @Test
    void cpuWorkPerRequestIsTheServerThreadsOwnCpuTime() throws Exception {
        Workload load = new Workload(2, 2, 100, 0, 0, 0, 20);
        try (Lab lab = new Lab()) {
            Results r = LabRun.run(lab, Model.THREAD_PER_CONNECTION, load);
            assertEquals(4, r.clients().requests().size());
            assertTrue(r.server().cpuNanos.sum() >= 4 * 20_000_000L,
                    "four requests, each 20 ms of the serving thread's CPU clock: " + r.table());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"ITERATIVE", "THREAD_PER_CONNECTION", "POOL_OF_LOOPS", "EPOLL"})
    void aRunLeavesNoSocketAndNoThreadBehind(Model model) throws Exception {
        long socketsBefore = sockets();
        try (Lab lab = new Lab()) {
            LabRun.run(lab, model, new Workload(3, 1, 100, 0, 0, 0));
            assertTrue(sockets() > socketsBefore, "the listener is open until the world closes");
        }
        assertEquals(socketsBefore, sockets(), "every socket of the run is closed");
        org.sockscope.lab.Await.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("actor-") || t.getName().startsWith("model-")),
                java.time.Duration.ofSeconds(5), "every actor and the model's driver to end");
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"EPOLL", "POOL_OF_EPOLL_LOOPS"})
    void anEpollServerWaitsInEpollWaitAndClosesItsInstances(Model model) throws Exception {
        try (Lab lab = new Lab()) {
            java.util.List<org.sockscope.trace.Event.CallReturned> made = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            lab.trace().addListener(e -> {
                if (e instanceof org.sockscope.trace.Event.CallReturned r) {
                    made.add(r);
                }
            });
            Results r = LabRun.run(lab, model, new Workload(3, 2, 500, 0, 0, 0));
            assertEquals(6, r.clients().requests().size(), r.table());
            java.util.List<String> names = made.stream().map(c -> c.call().name()).toList();
            int create = names.indexOf("epoll_create1");
            int ctl = names.indexOf("epoll_ctl");
            int await = names.indexOf("epoll_wait");
            assertTrue(create >= 0 && create < ctl && ctl < await, "create, add the listener, then wait: " + names);
            assertEquals(-1, names.indexOf("select"), "no select() in an epoll loop");
            java.util.List<Long> instances = made.stream().filter(c -> c.call().name().equals("epoll_create1"))
                    .map(c -> c.outcome().ret()).toList();
            assertEquals(model == Model.EPOLL ? 1 : Math.min(Servers.LOOPS, 3), instances.size(), names.toString());
            for (long ep : instances) {
                assertTrue(made.stream().anyMatch(c -> c.call().name().equals("close") && c.call().fd() == ep && !c.outcome().failed()),
                        "epoll instance " + ep + " closed: " + names);
            }
        }
    }

    /** Sockets in this JVM's descriptor table (the threads world's lessons live in it). */
    private static long sockets() {
        return org.sockscope.kernel.DescriptorTable.self().stream()
                .filter(d -> d.kind() == org.sockscope.kernel.Descriptor.Kind.SOCKET).count();
    }

    @Test
    void processPerConnectionSpawnsAProcessPerClientAndLeavesNoneBehind() throws Exception {
        Workload load = new Workload(3, 2, 500, 0, 1, 30_000);
        java.util.Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
        Results r = LabRun.run(Model.PROCESS_PER_CONNECTION, load);
        assertEquals(6, r.clients().requests().size(), r.table());
        assertFalse(r.clients().stallTimedOut(), "the other clients' processes served them during the stall");
        assertTrue(r.server().errors.isEmpty(), r.table());
        assertEquals(java.util.List.of(), ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(), "every process of the run is gone");
    }

    @Test
    void processPerConnectionStopsCleanlyAtItsProcessBudgetAndSaysWhatTheRestWouldCost() throws Exception {
        // server, load and two connections' processes: the third connection's would be the fifth process
        RunOptions four = RunOptions.DEFAULTS.withBudget(new Budget(8192, 4, 12_000, 600));
        java.util.Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
        Results r = LabRun.run(Model.PROCESS_PER_CONNECTION, new Workload(3, 1, 10, 0, 0, 0), four);
        String stopped = r.notes().stopped();
        assertTrue(stopped.contains("budget reached before the connection's process (connection 3 of 3): processes would be 5,"
                + " over the budget's 4"), stopped);
        assertTrue(stopped.matches(".*2 started so far cost \\d+ MB.*the other 1 would have cost about \\d+ MB.*"), stopped);
        assertEquals(3, r.server().processes.sum(), "the server and the two processes it spawned made calls: " + r.table());
        assertEquals(java.util.List.of(), ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(), "every process of the run is gone");
    }

    @Test
    void threadPerConnectionStopsAtItsThreadBudget() throws Exception {
        try (Lab lab = new Lab()) {
            int threadsNow = ProcessStatus.read((int) ProcessHandle.current().pid()).threads();
            // room for the run's own threads (probe, clients, drivers) and about two connections' threads
            RunOptions tight = RunOptions.DEFAULTS.withBudget(new Budget(8192, 4, threadsNow + 8, 600)).withLoadLoops(1);
            Results r = LabRun.run(lab, Model.THREAD_PER_CONNECTION, new Workload(40, 1, 10, 0, 0, 0), tight);
            String stopped = r.notes().stopped();
            assertTrue(stopped.contains("budget reached before the connection's thread") && stopped.contains("threads would be"), stopped);
            assertTrue(r.clients().requests().size() < 40, "it stopped before serving them all: " + r.table());
        }
    }
}
