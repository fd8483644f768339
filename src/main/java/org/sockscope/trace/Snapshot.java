package org.sockscope.trace;

import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole visible world right after one event: every actor and its call, the descriptors the lab
 * opened, and the kernel's latest figures for each socket and pipe. Immutable; {@link #apply}
 * returns the next one.
 *
 * @param index   the index of the last event folded in, -1 for the empty world
 * @param nanos   that event's time
 * @param actors  by name, in order of appearance
 * @param descriptors by slot: process and number (a number may later name another object)
 * @param sockets the latest figures of each open socket, by its SO_COOKIE
 * @param pipes   the latest figures of each open pipe, by its inode
 * @param last    the last event folded in, null for the empty world
 * @param processes the lesson's processes that run as processes of their own, by name
 * @param sampledAt when each identity's figures were read (the trace's clock): several processes
 *                  probe one pipe or connection, and their readings may arrive out of order
 */
public record Snapshot(long index, long nanos, Map<String, ActorView> actors,
                       SortedMap<Slot, DescriptorView> descriptors, Map<Long, SocketFigures> sockets,
                       Map<Long, PipeFigures> pipes, Event last, Map<String, ProcessView> processes,
                       Map<Long, Long> sampledAt) {

    /** The world before any event. */
    public static final Snapshot EMPTY = new Snapshot(-1, 0, Map.of(), Collections.emptySortedMap(), Map.of(), Map.of(),
            null, Map.of(), Map.of());

    /** What descriptor {@code fd} of {@code process} names now, or null. */
    public DescriptorView descriptor(String process, int fd) {
        return descriptors.get(new Slot(process, fd));
    }

    /** The descriptors {@code process}'s table holds now, by number. */
    public java.util.List<DescriptorView> descriptorsOf(String process) {
        return descriptors.subMap(new Slot(process, Integer.MIN_VALUE), new Slot(process, Integer.MAX_VALUE))
                .values().stream().toList();
    }

    /** The latest figures of the socket that descriptor {@code fd} of {@code process} names now, or null. */
    public SocketFigures socket(String process, int fd) {
        DescriptorView d = descriptor(process, fd);
        return d == null ? null : sockets.get(d.identity());
    }

    /** The latest figures of the other end of that descriptor's connection, or null. */
    public SocketFigures peerSocket(String process, int fd) {
        DescriptorView d = descriptor(process, fd);
        long peer = d == null ? -1 : peerIdentity(d);
        return peer < 0 ? null : sockets.get(peer);
    }

    /**
     * The kernel's id of the other end of {@code d}'s connection: as recorded when it was opened, or
     * else the socket, in any process, whose local address is {@code d}'s remote one (both from the
     * kernel); -1 when none is open.
     */
    public long peerIdentity(DescriptorView d) {
        if (d.peerIdentity() >= 0) {
            return d.peerIdentity();
        }
        String remote = d.descriptor().remote();
        if (d.descriptor().kind() != org.sockscope.kernel.Descriptor.Kind.SOCKET || remote.isEmpty()) {
            return -1;
        }
        for (DescriptorView v : descriptors.values()) {
            if (v != d && remote.equals(v.descriptor().local()) && d.descriptor().local().equals(v.descriptor().remote())) {
                return v.identity();
            }
        }
        return -1;
    }

    /** The latest figures of the socket {@code d} names, or null. */
    public SocketFigures socketOf(DescriptorView d) {
        return sockets.get(d.identity());
    }

    /** The latest figures of the other end of {@code d}'s connection, or null. */
    public SocketFigures peerSocketOf(DescriptorView d) {
        long peer = peerIdentity(d);
        return peer < 0 ? null : sockets.get(peer);
    }

    /** The latest figures of the pipe that descriptor {@code fd} of {@code process} (either end) names now, or null. */
    public PipeFigures pipe(String process, int fd) {
        DescriptorView d = descriptor(process, fd);
        return d == null ? null : pipes.get(d.identity());
    }

    /** The world after {@code e}. */
    public Snapshot apply(Event e) {
        Map<String, ActorView> a = actors;
        SortedMap<Slot, DescriptorView> d = descriptors;
        Map<Long, SocketFigures> s = sockets;
        Map<Long, PipeFigures> p = pipes;
        Map<String, ProcessView> pr = processes;
        Map<Long, Long> at = sampledAt;
        switch (e) {
            case Event.ActorChanged ac -> {
                a = new LinkedHashMap<>(actors);
                ActorView old = a.get(ac.actor());
                a.put(ac.actor(), ac.alive() || old == null ? ActorView.fresh(ac.actor(), ac.process(), ac.tid()) : old.stopped());
            }
            case Event.CallStarted cs -> a = withActor(cs.actor(), v -> v.started(cs.callId(), cs.call(), cs.nanos()));
            case Event.CallBlocked cb -> a = withActor(cb.actor(), v -> v.blocked(cb.syscall(), cb.wchan()));
            case Event.CallCancelled cc -> a = withActor(cc.actor(), v -> v.cancelled(cc.how()));
            case Event.CallReturned cr -> a = withActor(cr.actor(), v -> v.returned(cr.call(), cr.outcome(), cr.data()));
            case Event.DescriptorOpened o -> {
                d = new TreeMap<>(descriptors);
                d.put(new Slot(o.process(), o.descriptor().fd()), new DescriptorView(o.process(), o.descriptor(), o.label(), o.peerFd(),
                        o.peerIdentity(), o.requestedSndbuf(), o.requestedRcvbuf()));
            }
            case Event.DescriptorClosed c -> {
                Slot slot = new Slot(c.process(), c.fd());
                DescriptorView gone = descriptors.get(slot);
                d = new TreeMap<>(descriptors);
                d.remove(slot);
                if (gone != null && !namedBy(d, gone.identity())) { // the other end of a pipe keeps it
                    s = new HashMap<>(sockets);
                    s.remove(gone.identity());
                    p = new HashMap<>(pipes);
                    p.remove(gone.identity());
                    at = new HashMap<>(sampledAt);
                    at.remove(gone.identity());
                }
            }
            case Event.KernelSample ks -> {
                // Figures are filed by the kernel's identity, and only for what a descriptor names now.
                // A reading older than the one held (another process's, arrived late) is not news.
                s = new HashMap<>(sockets);
                at = new HashMap<>(sampledAt);
                for (SocketFigures f : ks.sockets()) {
                    if (namedBy(descriptors, f.cookie()) && at.getOrDefault(f.cookie(), Long.MIN_VALUE) <= ks.nanos()) {
                        s.put(f.cookie(), f);
                        at.put(f.cookie(), ks.nanos());
                    }
                }
                p = new HashMap<>(pipes);
                for (PipeFigures f : ks.pipes()) {
                    if (namedBy(descriptors, f.inode()) && at.getOrDefault(f.inode(), Long.MIN_VALUE) <= ks.nanos()) {
                        p.put(f.inode(), f);
                        at.put(f.inode(), ks.nanos());
                    }
                }
            }
            case Event.ProcessChanged pc -> {
                pr = new LinkedHashMap<>(processes);
                ProcessView old = processes.get(pc.process());
                // An exit keeps what the start said the runtime held.
                pr.put(pc.process(), new ProcessView(pc.process(), pc.pid(), pc.exit(),
                        pc.own().isEmpty() && old != null && old.pid() == pc.pid() ? old.own() : pc.own()));
            }
            case Event.Note n -> {
                // narration changes nothing visible but the last event
            }
        }
        return new Snapshot(e.seq(), e.nanos(), freeze(a), freezeSorted(d), freeze(s), freeze(p), e, freeze(pr), freeze(at));
    }

    private static boolean namedBy(SortedMap<Slot, DescriptorView> descriptors, long identity) {
        if (identity < 0) {
            return false;
        }
        for (DescriptorView v : descriptors.values()) {
            if (v.identity() == identity) {
                return true;
            }
        }
        return false;
    }

    private Map<String, ActorView> withActor(String name, java.util.function.UnaryOperator<ActorView> f) {
        ActorView v = actors.get(name);
        if (v == null) {
            return actors;
        }
        Map<String, ActorView> a = new LinkedHashMap<>(actors);
        a.put(name, f.apply(v));
        return a;
    }

    private static <K, V> Map<K, V> freeze(Map<K, V> m) {
        return m instanceof HashMap<K, V> ? Collections.unmodifiableMap(m) : m;
    }

    private static <K, V> SortedMap<K, V> freezeSorted(SortedMap<K, V> m) {
        return m instanceof TreeMap<K, V> ? Collections.unmodifiableSortedMap(m) : m;
    }
}
