package org.sockscope.scenario;

import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.SocketOptions;
import org.sockscope.lab.World;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;
import org.sockscope.trace.CallOutcome;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Builds a scenario's world: connections, pipes and listeners, then the options and set-up actions
 * as real calls made by the processes that own the descriptors (so they show in the call log).
 */
final class SetupRunner {
    private SetupRunner() {
    }

    /**
     * Builds the world; {@code fds} gets every name's descriptor number, {@code owners} the process
     * whose table it is a slot of, and {@code addresses} each listener's address as it was bound.
     * Pipes come first: a pipe reaches a process by inheritance, so before the process starts.
     */
    static void run(Setup setup, World lab, Map<String, Integer> fds, Map<String, String> owners,
                    Map<String, SockAddr> addresses, Function<String, Performer> actors) throws LabException {
        java.util.List<Lab.PipeEnds> pipes = new java.util.ArrayList<>();
        for (PipeSpec p : setup.pipes()) {
            Lab.PipeEnds e = lab.pipe(table(setup, p.writer()), table(setup, p.reader()));
            pipes.add(e);
            fds.put(p.writeEnd(), e.writeFd());
            owners.put(p.writeEnd(), table(setup, p.writer()));
            fds.put(p.readEnd(), e.readFd());
            owners.put(p.readEnd(), table(setup, p.reader()));
        }
        // The processes and threads that a step spawns start then, not here.
        java.util.List<ProcessSpec> fromStart = setup.processes().stream().filter(p -> p.spawnedBy().isEmpty()).toList();
        lab.start(fromStart.stream().map(ProcessSpec::table).distinct().toList());
        for (ProcessSpec p : fromStart) {
            actors.apply(p.name());
        }
        for (TcpSpec t : setup.tcp()) {
            SocketOptions o = ScenarioSession.options(t);
            Lab.Connection c = lab.connect(table(setup, t.client()), table(setup, t.server()), o, o);
            fds.put(t.end(Side.CLIENT), c.clientFd());
            owners.put(t.end(Side.CLIENT), table(setup, t.client()));
            fds.put(t.end(Side.SERVER), c.serverFd());
            owners.put(t.end(Side.SERVER), table(setup, t.server()));
            for (Side side : Side.values()) {
                int fd = side == Side.CLIENT ? c.clientFd() : c.serverFd();
                Performer a = actors.apply(t.process(side));
                timeout(a, fd, LinuxAbi.SO_SNDTIMEO, t.sndtimeoMs());
                timeout(a, fd, LinuxAbi.SO_RCVTIMEO, t.rcvtimeoMs());
                if (t.nonblocking().contains(side)) {
                    must(a, new Call.SetNonBlocking(fd, true));
                }
            }
        }
        for (int i = 0; i < setup.pipes().size(); i++) {
            PipeSpec p = setup.pipes().get(i);
            Lab.PipeEnds e = pipes.get(i);
            Performer w = actors.apply(p.writer());
            if (p.capacity().isPresent()) {
                must(w, new Call.Fcntl(e.writeFd(), LinuxAbi.F_SETPIPE_SZ, p.capacity().getAsInt(),
                        "fcntl(" + e.writeFd() + ", F_SETPIPE_SZ, " + p.capacity().getAsInt() + ")"));
            }
            if (p.nonblockingWrite()) {
                must(w, new Call.SetNonBlocking(e.writeFd(), true));
            }
            if (p.nonblockingRead()) {
                must(actors.apply(p.reader()), new Call.SetNonBlocking(e.readFd(), true));
            }
        }
        for (ListenerSpec l : setup.listeners()) {
            String owner = table(setup, l.process());
            int fd = lab.listen(owner, new SocketOptions(0, l.rcvbuf().orElse(0), false), l.backlog().orElse(16));
            fds.put(l.name(), fd);
            owners.put(l.name(), owner);
            var described = lab.described(owner, fd);
            SockAddr bound = described == null ? null : SockAddr.parse(described.local());
            if (bound != null) {
                addresses.put(l.name(), bound);
            }
            if (l.nonblocking()) {
                must(actors.apply(l.process()), new Call.SetNonBlocking(fd, true));
            }
        }
        CallBinder binder = new CallBinder(fds, Map.of(), addresses);
        for (SetupAction a : setup.actions()) {
            CallOutcome o = await(actors.apply(a.process()), binder.bind(a.call(), java.util.Optional.empty()), a.call().text());
            if (o.failed() && !a.call().name().equals("fill") && !a.call().name().equals("drain")) {
                throw new LabException("set-up action " + a.call().text() + " (line " + a.sourceLine() + ") failed: " + o.display());
            }
        }
        lab.sampleNow();
    }

    /** The process whose table {@code process} (a process, or a thread of one) uses. */
    private static String table(Setup setup, String process) {
        return setup.process(process).map(ProcessSpec::table).orElse(process);
    }

    private static void timeout(Performer a, int fd, int option, OptionalInt ms) throws LabException {
        if (ms.isPresent()) {
            must(a, new Call.SetTimeout(fd, option, ms.getAsInt()));
        }
    }

    private static void must(Performer a, Call call) throws LabException {
        CallOutcome o = await(a, call, call.spec().text());
        if (o.failed()) {
            throw new LabException(call.spec().text() + " failed: " + o.display());
        }
    }

    private static CallOutcome await(Performer a, Call call, String text) throws LabException {
        try {
            return a.submit(call).get(ScenarioSession.STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new LabException("set-up call " + text + " did not return within " + ScenarioSession.STEP_WAIT.toSeconds() + " s");
        }
    }
}
