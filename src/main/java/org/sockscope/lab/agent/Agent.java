package org.sockscope.lab.agent;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.OwnFiles;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.LabException;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.Processes;
import org.sockscope.posix.SockAddr;
import org.sockscope.posix.SysResult;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The child side of a process actor: {@code java … org.sockscope.lab.agent.Agent CONTROL PARENT_PID
 * CLOCK_ORIGIN HZ PROCESS [FD=LABEL …] [var:NAME=VALUE …]} (see {@link AgentLaunch#argv}), each
 * {@code FD=LABEL} a descriptor it inherited for the lesson (a pipe end a shell would hand it, or
 * every descriptor of the process that spawned it). A lab of its own runs the calls the app sends,
 * measured on this process's own threads; every event of its trace goes back over the control
 * channel, in order. It dies with the app: the kernel kills it when the parent thread that spawned
 * it ends ({@code PR_SET_PDEATHSIG}), and it exits when the control channel reaches end of file.
 */
public final class Agent {
    private Agent() {
    }

    /** Runs the agent; see the class comment for the arguments. */
    public static void main(String[] args) {
        int parent = Integer.parseInt(args[1]);
        long origin = Long.parseLong(args[2]);
        int hz = Integer.parseInt(args[3]);
        String process = args[4];
        Processes.dieWithParent(Processes.SIGKILL);
        if (Processes.parentPid() != parent) {
            Runtime.getRuntime().halt(3); // the parent ended before the death signal was armed
        }
        Channel channel = controlChannel(args[0]);
        warmUp(hz, origin);
        Lab lab = new Lab(hz, Trace.startingAt(origin));
        lab.sampler().sampleAfterEveryCall();
        lab.actor(process, process); // the process's main thread
        Set<Integer> inherited = new HashSet<>();
        Map<String, Long> memory = new HashMap<>();
        for (int i = 5; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (args[i].startsWith(AgentLaunch.VARIABLE)) {
                memory.put(args[i].substring(AgentLaunch.VARIABLE.length(), eq), Long.parseLong(args[i].substring(eq + 1)));
                continue;
            }
            int fd = Integer.parseInt(args[i].substring(0, eq));
            try {
                lab.adopt(fd, process, args[i].substring(eq + 1));
                inherited.add(fd);
            } catch (LabException e) {
                lab.trace().append(new Event.Note(0, lab.trace().now(), process + ": " + e.getMessage()));
            }
        }
        lab.memory().copyFrom(memory);
        List<Descriptor> own = AgentLaunch.closeOnExecExcept(inherited);
        Outbox out = new Outbox(channel, lab.trace());
        lab.spawnProcessesWith((call, lesson) -> spawn(call, lesson, lab, origin, hz, out));
        out.post(new Message.Hello(Libc.getpid(), own));
        out.start();
        try {
            serve(channel, lab, process, out);
        } catch (IOException | RuntimeException e) {
            System.err.println("sockscope agent " + process + ": " + e);
        }
        // Exit as a process does: the kernel closes every descriptor and ends every thread, a call
        // asleep in the kernel included (a lab's reset would wait for the threads instead).
        out.finish();
        Runtime.getRuntime().halt(0);
    }

    /**
     * The control channel {@code fd:N} inherited at N, or {@code tcp:PORT:TOKEN}: a connection to
     * the app's control listener, which this process opens and names itself on with the token.
     */
    private static Channel controlChannel(String spec) {
        if (spec.startsWith("fd:")) {
            return new Channel(Integer.parseInt(spec.substring(3)));
        }
        String[] p = spec.split(":");
        SysResult s = Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0);
        if (s.failed() || Libc.connect(s.intValue(), SockAddr.loopback(Integer.parseInt(p[1]))).failed()) {
            Runtime.getRuntime().halt(4); // the app is not listening: it is gone
        }
        Channel c = new Channel(s.intValue());
        try {
            c.send(new Message.Joined(p[2], Libc.getpid()));
        } catch (IOException e) {
            Runtime.getRuntime().halt(4);
        }
        return c;
    }

    /**
     * Spawns process {@code call.name()} from the calling actor's thread: an agent that inherits
     * every lesson descriptor this process holds (nothing else: the rest is marked close-on-exec
     * first) and a copy of its variables. A thread here waits for it and reports its end.
     */
    private static SysResult spawn(Call.Spawn call, Map<Integer, String> lesson,
                                                        Lab lab, long origin, int hz, Outbox out) {
        List<String> argv = AgentLaunch.argv(call.control(), Libc.getpid(), origin, hz, call.name(), lesson,
                lab.memory().snapshot());
        SysResult r;
        try (OwnFiles.Exclusive _ = OwnFiles.exclusive()) {
            AgentLaunch.closeOnExecExcept(lesson.keySet());
            r = Processes.spawn(AgentLaunch.java(), argv, Map.of(), 0);
        }
        if (!r.failed()) {
            int pid = r.intValue();
            Thread.ofPlatform().name("reap-" + call.name()).daemon(true).start(() -> {
                SysResult st = Processes.waitpid(pid, true);
                if (!st.failed()) {
                    out.post(new Message.Reaped(pid, (int) st.value()));
                }
            });
        }
        return r;
    }

    /**
     * Makes one call in a lab of its own and one message, unrecorded, so that the JVM has opened the
     * files it keeps (its jars, the call meter's library) before the lesson's first call: after this,
     * the process's table holds still, and its first socket() takes the number the table says.
     */
    private static void warmUp(int hz, long origin) {
        try (Lab warm = new Lab(hz, Trace.startingAt(origin))) {
            warm.actor("warm-up", "warm-up").submit(new Call.Pause(0)).get(5, TimeUnit.SECONDS);
            Channel.json(new Message.Happened(warm.trace().events().getLast()));
        } catch (Exception e) {
            System.err.println("sockscope agent: warm-up: " + e);
        }
    }

    private static void serve(Channel channel, Lab lab, String process, Outbox out) throws IOException {
        for (Command c; (c = channel.receive(Command.class)) != null; ) {
            switch (c) {
                case Command.NewActor a -> lab.actor(a.name(), process);
                case Command.Submit s -> {
                    Actor a = lab.actors().stream().filter(x -> x.name().equals(s.actor())).findFirst()
                            .orElseGet(() -> lab.actor(s.actor(), process));
                    a.submitTracked(s.call(), s.callId()).result().whenComplete((o, e) -> {
                        // The actor probed after the call, before completing it (every call here):
                        // the app shows the step's figures once this message arrives.
                        out.post(e != null ? new Message.NotMade(s.callId(), String.valueOf(e.getMessage()))
                                : new Message.Settled(s.callId()));
                    });
                }
                case Command.Cancel k -> {
                    boolean woke = lab.actors().stream().filter(x -> x.name().equals(k.actor())).findFirst()
                            .map(lab::cancel).orElse(false);
                    out.post(new Message.Answer(k.request(), woke ? 1 : 0, 0, null));
                }
                case Command.Listen l -> out.post(answer(l.request(), () -> lab.listen(process, l.options(), l.backlog())));
                case Command.ConnectTo t -> out.post(answer(t.request(), () -> lab.connectTo(process, t.port(), t.options())));
                case Command.AcceptOn a -> out.post(answer(a.request(), () -> lab.acceptOn(process, a.listener(), a.options())));
                case Command.SampleNow n -> {
                    lab.sampleNow();
                    out.post(new Message.Answer(n.request(), 0, 0, null)); // sent after the reading
                }
                case Command.Observe o -> {
                    lab.sampler().pause(!o.on());
                    long[] cost = lab.sampler().probeCost();
                    out.post(new Message.Answer(o.request(), (int) Math.min(Integer.MAX_VALUE, cost[0]),
                            cost[0] == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, cost[1] / cost[0] / 1000), null));
                }
                case Command.Exit x -> {
                    return;
                }
            }
        }
    }

    /** A set-up call made in this process: a descriptor number, or an exception saying why not. */
    private interface SetUp {
        int run() throws LabException;
    }

    /** The answer to set-up request {@code request}: the new descriptor and its local port, or the kernel's refusal. */
    private static Message.Answer answer(long request, SetUp setUp) {
        try {
            int fd = setUp.run();
            SockAddr local = Libc.getsockname(fd);
            return new Message.Answer(request, fd, local == null ? 0 : local.port(), null);
        } catch (LabException | RuntimeException e) {
            return new Message.Answer(request, -1, 0, e.getMessage());
        }
    }

    /** Sends the trace's events in order, from its own thread, so no actor ever waits on the channel. */
    static final class Outbox {
        private final Channel channel;
        private final Trace trace;
        /** A message and the trace's size when it was posted: every event before it is sent first. */
        private record Posted(Message message, long after) {
        }

        private final java.util.concurrent.ConcurrentLinkedQueue<Posted> messages = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean finishing;
        private long next;

        Outbox(Channel channel, Trace trace) {
            this.channel = channel;
            this.trace = trace;
            this.thread = Thread.ofPlatform().name("agent-outbox").daemon(true).unstarted(this::run);
            trace.addListener(e -> LockSupport.unpark(thread));
        }

        void start() {
            thread.start();
        }

        /**
         * Queues a message that is not an event, to be sent after every event recorded so far (an
         * answer never overtakes the opening of the descriptor it names).
         */
        void post(Message m) {
            messages.add(new Posted(m, trace.size()));
            LockSupport.unpark(thread);
        }

        /** Sends what is left, then stops. */
        void finish() {
            finishing = true;
            LockSupport.unpark(thread);
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            try {
                while (true) {
                    boolean last = finishing;
                    boolean sent = false;
                    for (Posted p; (p = messages.poll()) != null; ) {
                        sent |= sendEvents(p.after());
                        channel.send(p.message());
                        sent = true;
                    }
                    sent |= sendEvents(Long.MAX_VALUE);
                    if (last && messages.isEmpty()) {
                        return;
                    }
                    if (!sent && messages.isEmpty()) {
                        LockSupport.parkNanos(50_000_000);
                    }
                }
            } catch (IOException e) {
                Runtime.getRuntime().halt(0); // the app is gone: so is this process
            }
        }

        /** Sends the events not sent yet whose index is below {@code before}; true when any was. */
        private boolean sendEvents(long before) throws IOException {
            if (next >= before) {
                return false;
            }
            List<Event> events = trace.eventsFrom((int) next);
            if (!events.isEmpty() && events.getFirst().seq() > next) {
                channel.send(new Message.Gap(events.getFirst().seq() - next));
                next = events.getFirst().seq();
            }
            boolean any = false;
            for (Event e : events) {
                if (e.seq() >= before) {
                    break;
                }
                channel.send(new Message.Happened(e));
                next = e.seq() + 1;
                any = true;
            }
            return any;
        }
    }
}
