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
 * @param descriptors by number (a slot: the number may later name another object)
 * @param sockets the latest figures of each open socket, by its SO_COOKIE
 * @param pipes   the latest figures of each open pipe, by its inode
 * @param last    the last event folded in, null for the empty world
 */
public record Snapshot(long index, long nanos, Map<String, ActorView> actors,
                       SortedMap<Integer, DescriptorView> descriptors, Map<Long, SocketFigures> sockets,
                       Map<Long, PipeFigures> pipes, Event last) {

    /** The world before any event. */
    public static final Snapshot EMPTY = new Snapshot(-1, 0, Map.of(), Collections.emptySortedMap(), Map.of(), Map.of(), null);

    /** The latest figures of the socket that descriptor {@code fd} names now, or null. */
    public SocketFigures socket(int fd) {
        DescriptorView d = descriptors.get(fd);
        return d == null ? null : sockets.get(d.identity());
    }

    /** The latest figures of the other end of {@code fd}'s connection, or null. */
    public SocketFigures peerSocket(int fd) {
        DescriptorView d = descriptors.get(fd);
        return d == null || d.peerIdentity() < 0 ? null : sockets.get(d.peerIdentity());
    }

    /** The latest figures of the pipe that descriptor {@code fd} (either end) names now, or null. */
    public PipeFigures pipe(int fd) {
        DescriptorView d = descriptors.get(fd);
        return d == null ? null : pipes.get(d.identity());
    }

    /** The world after {@code e}. */
    public Snapshot apply(Event e) {
        Map<String, ActorView> a = actors;
        SortedMap<Integer, DescriptorView> d = descriptors;
        Map<Long, SocketFigures> s = sockets;
        Map<Long, PipeFigures> p = pipes;
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
                d.put(o.descriptor().fd(), new DescriptorView(o.process(), o.descriptor(), o.label(), o.peerFd(),
                        o.peerIdentity(), o.requestedSndbuf(), o.requestedRcvbuf()));
            }
            case Event.DescriptorClosed c -> {
                DescriptorView gone = descriptors.get(c.fd());
                d = new TreeMap<>(descriptors);
                d.remove(c.fd());
                if (gone != null && !namedBy(d, gone.identity())) { // the other end of a pipe keeps it
                    s = new HashMap<>(sockets);
                    s.remove(gone.identity());
                    p = new HashMap<>(pipes);
                    p.remove(gone.identity());
                }
            }
            case Event.KernelSample ks -> {
                // Figures are filed by the kernel's identity, and only for what a descriptor names now.
                s = new HashMap<>(sockets);
                for (SocketFigures f : ks.sockets()) {
                    if (namedBy(descriptors, f.cookie())) {
                        s.put(f.cookie(), f);
                    }
                }
                p = new HashMap<>(pipes);
                for (PipeFigures f : ks.pipes()) {
                    if (namedBy(descriptors, f.inode())) {
                        p.put(f.inode(), f);
                    }
                }
            }
            case Event.Note n -> {
                // narration changes nothing visible but the last event
            }
        }
        return new Snapshot(e.seq(), e.nanos(), freeze(a), freezeSorted(d), freeze(s), freeze(p), e);
    }

    private static boolean namedBy(SortedMap<Integer, DescriptorView> descriptors, long identity) {
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
