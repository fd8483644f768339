package org.sockscope.lab;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.DescriptorTable;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;
import org.sockscope.posix.SysResult;
import org.sockscope.trace.Event;
import org.sockscope.trace.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live world: real sockets and pipes on loopback, actors that make calls on them, a sampler
 * that watches the kernel, and the trace that records it all. Everything the lab opens it closes
 * again in {@link #reset()}.
 */
public final class Lab implements World {
    /** Default sampling rate of the kernel probes. */
    public static final int DEFAULT_HZ = 60;

    private final Trace trace;
    private final Map<String, Actor> actors = new LinkedHashMap<>();
    /** Descriptors the lab owns; the sampler probes only these, under {@link #registryLock}. */
    private final Map<Integer, Endpoint> registry = new TreeMap<>();
    /** How many descriptors the registry holds, readable without its lock (the sampler's after-call check). */
    private volatile int registered;
    /** How each registered descriptor was described when it was registered (its kernel identity among it). */
    private final Map<Integer, Descriptor> described = new java.util.HashMap<>();
    /** The buffer sizes the lab asked for on each registered socket (what a re-registration keeps). */
    private final Map<Integer, SocketOptions> asked = new java.util.HashMap<>();
    final Object registryLock = new Object();
    private final Sampler sampler;
    private volatile Spawner spawner;
    private final Memory memory = new Memory();

    /** A lab sampling at {@link #DEFAULT_HZ}. */
    public Lab() {
        this(DEFAULT_HZ);
    }

    /** A lab sampling the kernel {@code hz} times a second. */
    public Lab(int hz) {
        this(hz, new Trace());
    }

    /** A lab sampling {@code hz} times a second, recording into {@code trace} (a process actor's, on a shared clock). */
    public Lab(int hz, Trace trace) {
        LinuxAbi.requireSupported();
        this.trace = trace;
        sampler = new Sampler(this, hz);
        sampler.start();
    }

    @Override
    public Trace trace() {
        return trace;
    }

    @Override
    public long samplerPeriodNanos() {
        return sampler.periodNanos();
    }

    @Override
    public void sampleNow() {
        sampler.sampleNow();
    }

    /** The sampler. */
    public Sampler sampler() {
        return sampler;
    }

    @Override
    public synchronized Actor actor(String name, String process) {
        return actors.computeIfAbsent(name, n -> new Actor(this, n, process));
    }

    /** The actor called {@code name}, started as a thread of a process of the same name if new. */
    public Actor actor(String name) {
        return actor(name, name);
    }

    /** Every actor, in order of creation. */
    public synchronized List<Actor> actors() {
        return List.copyOf(actors.values());
    }

    /** A connected TCP pair over 127.0.0.1. */
    public record Connection(int clientFd, int serverFd, int port) {
    }

    /** The two ends of a pipe. */
    public record PipeEnds(int readFd, int writeFd) {
    }

    /**
     * Connects a client socket of {@code clientProcess} to a server socket of {@code serverProcess}
     * over 127.0.0.1: {@link #listen}, {@link #connectTo}, {@link #acceptOn}, as two processes do
     * it. The listener is closed once the connection is accepted.
     */
    @Override
    public Connection connect(String clientProcess, String serverProcess, SocketOptions client, SocketOptions server)
            throws LabException {
        int listener = listen(serverProcess, server, 1);
        int port = Libc.getsockname(listener).port();
        int c;
        try {
            c = connectTo(clientProcess, port, client);
        } catch (LabException e) {
            closeFd(listener);
            throw e;
        }
        int s;
        try {
            s = acceptOn(serverProcess, listener, server);
        } catch (LabException e) {
            closeFd(c);
            throw e;
        }
        note("connected " + clientProcess + " fd " + c + " (127.0.0.1:" + Libc.getsockname(c).port()
                + ") to " + serverProcess + " fd " + s + " (127.0.0.1:" + port + ")");
        sampler.sampleNow();
        return new Connection(c, s, port);
    }

    /**
     * A client socket of {@code process} connected to 127.0.0.1:{@code port}. RCVBUF is set before
     * connect() (so the window scale fits it); SNDBUF and TCP_NODELAY once connected.
     */
    public int connectTo(String process, int port, SocketOptions options) throws LabException {
        int c = check(Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
        try {
            applyRcvbuf(c, options.rcvbuf());
            check(Libc.connect(c, SockAddr.loopback(port)), "connect(127.0.0.1:" + port + ")");
            applySndbufAndNodelay(c, options);
        } catch (LabException e) {
            Libc.close(c);
            throw e;
        }
        register(new Endpoint.Socket(c, process, "client", -1), options);
        return c;
    }

    /**
     * Accepts one connection on the lab's {@code listener} for {@code process} (accepted sockets
     * inherit the listener's RCVBUF; SNDBUF and TCP_NODELAY are set on it), then closes the listener.
     */
    public int acceptOn(String process, int listener, SocketOptions options) throws LabException {
        int s = check(Libc.accept(listener), "accept(" + listener + ")");
        try {
            applySndbufAndNodelay(s, options);
        } catch (LabException e) {
            Libc.close(s);
            throw e;
        }
        closeFd(listener);
        int peer = findPeer(s);
        register(new Endpoint.Socket(s, process, "server", peer), options);
        if (peer >= 0 && endpoint(peer) instanceof Endpoint.Socket p) {
            register(new Endpoint.Socket(peer, p.process(), p.label(), s), null); // re-described: it has a peer now
        }
        return s;
    }

    /**
     * Takes into the lab a descriptor this process already holds (inherited from the process that
     * spawned it): recorded as opened, probed, and closed on reset like any other.
     */
    public void adopt(int fd, String process, String label) throws LabException {
        Descriptor d = DescriptorTable.describeOwn(fd);
        if (d == null) {
            throw new LabException("fd " + fd + " is not open in this process: nothing was inherited there");
        }
        switch (d.kind()) {
            case SOCKET -> register(new Endpoint.Socket(fd, process, label, -1), null);
            case PIPE_READ, PIPE_WRITE -> register(new Endpoint.PipeEnd(fd, process, label, d.kind() == Descriptor.Kind.PIPE_READ, -1), null);
            default -> throw new LabException("fd " + fd + " is " + d.target() + ", not a socket or a pipe");
        }
    }

    @Override
    public int listen(String process, SocketOptions options, int backlog) throws LabException {
        int l = check(Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
        try {
            check(Libc.setsockoptInt(l, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_REUSEADDR, 1), "setsockopt(SO_REUSEADDR)");
            applyRcvbuf(l, options.rcvbuf());
            check(Libc.bind(l, SockAddr.loopback(0)), "bind(127.0.0.1:0)");
            check(Libc.listen(l, backlog), "listen(" + l + ", " + backlog + ")");
        } catch (LabException e) {
            Libc.close(l);
            throw e;
        }
        register(new Endpoint.Socket(l, process, "listener", -1), options);
        return l;
    }

    /** A fresh unconnected TCP socket of {@code process}: {@code socket(AF_INET, SOCK_STREAM, 0)}. */
    public int socket(String process, String label) throws LabException {
        int fd = check(Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
        register(new Endpoint.Socket(fd, process, label, -1), SocketOptions.DEFAULTS);
        return fd;
    }

    @Override
    public PipeEnds pipe(String writerProcess, String readerProcess) throws LabException {
        Libc.PipeFds p = Libc.pipe();
        if (p.failed()) {
            throw new LabException("pipe() failed: " + Errno.name(p.errno()) + " (" + Errno.message(p.errno()) + ")");
        }
        register(new Endpoint.PipeEnd(p.readFd(), readerProcess, "pipe read end", true, p.writeFd()), null);
        register(new Endpoint.PipeEnd(p.writeFd(), writerProcess, "pipe write end", false, p.readFd()), null);
        sampler.sampleNow();
        return new PipeEnds(p.readFd(), p.writeFd());
    }

    /**
     * Wakes {@code actor}'s blocked call the only way the kernel allows from outside: a socket is
     * shut down (recv returns 0, send fails with EPIPE), a pipe's other end is closed (read returns
     * 0, write fails with EPIPE). Recorded as a cancellation. Returns false when nothing was in flight.
     */
    @Override
    public boolean cancel(Performer performer) {
        if (!(performer instanceof Actor actor)) {
            return false;
        }
        Actor.InFlight f = actor.inFlight();
        if (f == null) {
            return false;
        }
        if (f.call() instanceof Call.Repeat || f.call() instanceof Call.Fill || f.call() instanceof Call.Drain) {
            trace.append(new Event.CallCancelled(0, trace.now(), actor.name(), f.callId(), "stop the loop"));
            actor.interruptLoop();
            return true;
        }
        if (f.call().fd() < 0) {
            return false;
        }
        List<Integer> fds = f.call() instanceof Call.Select sel ? sel.watched() : List.of(f.call().fd());
        // Closing one pipe end's other end is enough (a select() then sees that end ready), and it
        // is all that is done, so it is all that is recorded; otherwise every watched socket is shut down.
        for (int fd : fds) {
            if (endpoint(fd) instanceof Endpoint.PipeEnd pe && pe.otherFd() >= 0) {
                trace.append(new Event.CallCancelled(0, trace.now(), actor.name(), f.callId(), "close(" + pe.otherFd() + ")"));
                closeFd(pe.otherFd());
                return true;
            }
        }
        String how = String.join("; ", fds.stream().map(fd -> "shutdown(" + fd + ", SHUT_RDWR)").toList());
        trace.append(new Event.CallCancelled(0, trace.now(), actor.name(), f.callId(), how));
        for (int fd : fds) {
            Libc.shutdown(fd, LinuxAbi.SHUT_RDWR);
        }
        return true;
    }

    /**
     * Closes every descriptor the lab opened and stops every actor; the trace is kept. Blocked calls
     * are woken first, the way the kernel allows: sockets are shut down (recv, send, accept, select
     * and connect return), and pipe ends are closed (a reader whose writers are gone reads 0, a
     * writer whose reader is gone gets EPIPE). Waits at most about a second for the actors in all.
     */
    @Override
    public void reset() {
        List<Actor> all;
        synchronized (this) {
            all = List.copyOf(actors.values());
            actors.clear();
        }
        List<Endpoint> owned;
        synchronized (registryLock) {
            owned = new ArrayList<>(registry.values());
        }
        all.forEach(Actor::requestStop);
        for (Endpoint e : owned) {
            switch (e) {
                case Endpoint.Socket s -> Libc.shutdown(s.fd(), LinuxAbi.SHUT_RDWR);
                case Endpoint.PipeEnd p -> closeFd(p.fd());
                case Endpoint.Epoll ep -> {
                    // closed below, once the actors have stopped
                }
            }
        }
        long deadline = System.nanoTime() + 1_000_000_000L;
        for (Actor a : all) {
            if (!a.awaitStop(Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                note("actor " + a.name() + " did not stop within 1 s (a sleep the kernel cannot be asked to cut"
                        + " short); its thread ends when that call returns");
            }
        }
        // Everything registered now, including what a call that returned meanwhile opened (an accept()).
        synchronized (registryLock) {
            owned = new ArrayList<>(registry.values());
        }
        for (Endpoint e : owned) {
            closeFd(e.fd());
        }
        memory.clear(); // the lesson's threads have ended, and their variables with them
    }

    @Override
    public java.util.Map<String, int[]> observe(boolean on) {
        sampler.pause(!on);
        long[] cost = sampler.probeCost();
        return java.util.Map.of("this JVM", new int[] {(int) Math.min(Integer.MAX_VALUE, cost[0]),
            cost[0] == 0 ? 0 : (int) (cost[1] / cost[0] / 1000)});
    }

    /** Resets the lab and stops the sampler. */
    @Override
    public void close() {
        reset();
        sampler.stop();
    }

    /** Descriptors registered now, read without the registry's lock (may be a moment old). */
    int registeredCount() {
        return registered;
    }

    /** Number of descriptors the lab holds open. */
    public int openDescriptors() {
        synchronized (registryLock) {
            return registry.size();
        }
    }

    // ---- package-private: actors and the sampler ------------------------------------------

    List<Endpoint> endpoints() {
        return new ArrayList<>(registry.values());
    }

    /** Keeps the registry in step with what a call did to the descriptor table. */
    void afterCall(Actor actor, Call call, Call.Result result) {
        SysResult r = result.sys();
        String data = result.data();
        if (r.failed()) {
            return;
        }
        switch (call) {
            case Call.Socket s -> register(new Endpoint.Socket(r.intValue(), actor.process(), "socket", -1), SocketOptions.DEFAULTS);
            case Call.SocketPair p -> {
                int[] sv = Call.SocketPair.ends(data);
                register(new Endpoint.Socket(sv[0], actor.process(), "socketpair sv[0]", sv[1]), SocketOptions.DEFAULTS);
                register(new Endpoint.Socket(sv[1], actor.process(), "socketpair sv[1]", sv[0]), SocketOptions.DEFAULTS);
            }
            case Call.Accept a -> {
                int fd = r.intValue();
                int peer = findPeer(fd);
                register(new Endpoint.Socket(fd, actor.process(), "accepted", peer), SocketOptions.DEFAULTS);
                if (peer >= 0 && endpoint(peer) instanceof Endpoint.Socket p) {
                    register(new Endpoint.Socket(peer, p.process(), p.label(), fd), null);
                }
            }
            case Call.Connect c when endpoint(c.fd()) instanceof Endpoint.Socket s ->
                    register(s, null); // re-described: it now has a local and a remote address
            // A loop's result is its last call's: a busy-polling accept() that succeeded opened a socket too.
            case Call.Repeat rep -> afterCall(actor, rep.call(), result);
            case Call.EpollCreate ec -> register(new Endpoint.Epoll(r.intValue(), actor.process()), null);
            case Call.Dup d when endpoint(d.fd()) instanceof Endpoint.Socket s ->
                    register(new Endpoint.Socket(r.intValue(), actor.process(), "dup(" + d.fd() + ")", -1), SocketOptions.DEFAULTS);
            default -> {
            }
        }
    }

    /** The process's global variables, which its threads share. */
    public Memory memory() {
        return memory;
    }

    /** Lets this lab's actors spawn processes (a process actor's lab); without it, spawn() of a process is refused. */
    public void spawnProcessesWith(Spawner spawner) {
        this.spawner = spawner;
    }

    /**
     * Makes {@code s} for {@code by}: a thread of its process (the result is the new thread's tid),
     * or a process, through the spawner, inheriting the descriptors the lab holds.
     */
    Call.Result spawn(Call.Spawn s, Actor by) {
        if (s.thread()) {
            return new Call.Result(SysResult.ok(actor(s.name(), by.process()).tid()), "");
        }
        Spawner sp = spawner;
        if (sp == null) {
            throw new IllegalStateException("a process can be spawned only by a real process: here every process is a"
                    + " thread of SockScope's JVM (run without -Dsockscope.actors=threads)");
        }
        java.util.Map<Integer, String> lesson = new java.util.TreeMap<>();
        synchronized (registryLock) {
            registry.forEach((fd, e) -> lesson.put(fd, switch (e) {
                case Endpoint.Socket so -> so.label();
                case Endpoint.PipeEnd p -> p.label();
                case Endpoint.Epoll ep -> "epoll";
            }));
        }
        return new Call.Result(sp.spawn(s, lesson), "");
    }

    /**
     * Closes {@code c.fd()} and forgets it under one hold of the registry lock, so neither the
     * sampler nor another actor's new descriptor at the same number is ever taken for the closed one.
     */
    Call.Result closeOwned(Call.Close c, long callId) {
        synchronized (registryLock) {
            Call.Result r = c.execute(callId);
            if (!r.sys().failed()) {
                forget(c.fd());
            }
            return r;
        }
    }

    private Endpoint endpoint(int fd) {
        synchronized (registryLock) {
            return registry.get(fd);
        }
    }

    /** The lab's socket whose address is the remote address of {@code fd}, or -1. */
    private int findPeer(int fd) {
        SockAddr remote = Libc.getpeername(fd);
        if (remote == null) {
            return -1;
        }
        synchronized (registryLock) {
            Integer byAddress = localAddresses.get(remote);
            if (byAddress != null && registry.get(byAddress) instanceof Endpoint.Socket s && remote.equals(Libc.getsockname(s.fd()))) {
                return s.fd();
            }
        }
        return -1;
    }

    /**
     * Each registered socket's local address when it was registered (a connected or accepted one
     * has it then), so an accepted socket finds its peer in one look-up, not by asking every socket
     * (which made 10,000 accepts cost 50 million getsockname() calls).
     */
    private final java.util.Map<SockAddr, Integer> localAddresses = new java.util.HashMap<>();
    private final java.util.Map<Integer, SockAddr> addressOf = new java.util.HashMap<>();

    private void closeFd(int fd) {
        synchronized (registryLock) {
            if (registry.containsKey(fd)) {
                Libc.close(fd);
                forget(fd);
            }
        }
    }

    private void forget(int fd) {
        Endpoint gone;
        synchronized (registryLock) {
            gone = registry.remove(fd);
            registered = registry.size();
            described.remove(fd);
            asked.remove(fd);
            SockAddr was = addressOf.remove(fd);
            if (was != null) {
                localAddresses.remove(was, fd);
            }
            if (gone instanceof Endpoint.PipeEnd pe && pe.otherFd() >= 0
                    && registry.get(pe.otherFd()) instanceof Endpoint.PipeEnd other) {
                registry.put(other.fd(), new Endpoint.PipeEnd(other.fd(), other.process(), other.label(), other.readEnd(), -1));
            }
        }
        if (gone != null) {
            trace.append(new Event.DescriptorClosed(0, trace.now(), gone.process(), fd));
        }
    }

    /**
     * Files {@code e} and records it opened (or re-described), with the buffer sizes the lab asked
     * for; {@code asking} null keeps those of an earlier registration of the same descriptor
     * (none for a pipe or an inherited one).
     */
    private void register(Endpoint e, SocketOptions asking) {
        SocketOptions requested;
        synchronized (registryLock) {
            if (asking != null) {
                asked.put(e.fd(), asking);
            }
            requested = asked.get(e.fd());
        }
        Descriptor d = DescriptorTable.describeOwn(e.fd());
        if (d == null) {
            d = Descriptor.of(e.fd(), Descriptor.Kind.OTHER, -1, "?");
        }
        int peer = switch (e) {
            case Endpoint.Socket s -> s.peerFd();
            case Endpoint.PipeEnd p -> p.otherFd();
            case Endpoint.Epoll ep -> -1;
        };
        String label = switch (e) {
            case Endpoint.Socket s -> s.label();
            case Endpoint.PipeEnd p -> p.label();
            case Endpoint.Epoll ep -> "epoll";
        };
        // The other end is open in this process right now: ask the kernel what it is.
        long peerIdentity = peer < 0 ? -1 : switch (e) {
            case Endpoint.Socket s -> {
                SysResult cookie = Libc.socketCookie(peer);
                yield cookie.failed() ? -1 : cookie.value();
            }
            case Endpoint.PipeEnd p -> d.identity(); // both ends of a pipe are one inode
            case Endpoint.Epoll ep -> -1;
        };
        SockAddr local = e instanceof Endpoint.Socket ? Libc.getsockname(e.fd()) : null;
        synchronized (registryLock) {
            registry.put(e.fd(), e);
            registered = registry.size();
            described.put(e.fd(), d);
            if (local != null && local.port() != 0) {
                localAddresses.put(local, e.fd());
                addressOf.put(e.fd(), local);
            }
        }
        trace.append(new Event.DescriptorOpened(0, trace.now(), e.process(), d, label, peer, peerIdentity,
                requested == null ? 0 : requested.sndbuf(), requested == null ? 0 : requested.rcvbuf()));
    }

    /**
     * Why the lab will not make {@code call}, or null: a number it uses is open but not one the lab
     * opened (after a close(), the JVM may have taken the slot for a file of its own). A free number
     * is fine: the kernel answers EBADF, as it would in C. Taken under the registry lock, so it
     * also waits out a probe pass in progress.
     */
    String refusal(Call call) {
        synchronized (registryLock) {
            for (int fd : call.fds()) {
                if (!registry.containsKey(fd)) {
                    Descriptor d = DescriptorTable.describeOwn(fd);
                    if (d != null) {
                        return "fd " + fd + " is not a descriptor the lab opened: it is the JVM's own (" + d.target()
                                + "), and SockScope makes no call on it";
                    }
                }
            }
            return null;
        }
    }

    /** True when a number {@code call} uses is held by no lab descriptor (closed, or never the lab's). */
    boolean usesFreedNumber(Call call) {
        synchronized (registryLock) {
            for (int fd : call.fds()) {
                if (!registry.containsKey(fd)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One table for every process of this JVM: {@code process} does not matter. */
    @Override
    public Descriptor described(String process, int fd) {
        return described(fd);
    }

    /**
     * What the lab's descriptor {@code fd} refers to now, as described when it was opened, or null
     * when the lab holds nothing at that number.
     */
    public Descriptor described(int fd) {
        synchronized (registryLock) {
            return described.get(fd);
        }
    }

    private void note(String text) {
        trace.append(new Event.Note(0, trace.now(), text));
    }

    private static void applyRcvbuf(int fd, int rcvbuf) throws LabException {
        if (rcvbuf > 0) {
            check(Libc.setsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_RCVBUF, rcvbuf), "setsockopt(" + fd + ", SO_RCVBUF, " + rcvbuf + ")");
        }
    }

    private static void applySndbufAndNodelay(int fd, SocketOptions o) throws LabException {
        if (o.sndbuf() > 0) {
            check(Libc.setsockoptInt(fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_SNDBUF, o.sndbuf()), "setsockopt(" + fd + ", SO_SNDBUF, " + o.sndbuf() + ")");
        }
        if (o.nodelay()) {
            check(Libc.setsockoptInt(fd, LinuxAbi.IPPROTO_TCP, LinuxAbi.TCP_NODELAY, 1), "setsockopt(" + fd + ", TCP_NODELAY, 1)");
        }
    }

    private static int check(SysResult r, String call) throws LabException {
        if (r.failed()) {
            throw new LabException(call + " failed: " + Errno.name(r.errno()) + " (" + Errno.message(r.errno()) + ")");
        }
        return r.intValue();
    }
}
