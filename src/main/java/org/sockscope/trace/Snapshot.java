package org.sockscope.trace;

import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;

import java.util.Collections;
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
 * @param descriptors by number
 * @param sockets the latest figures per socket descriptor
 * @param pipes   the latest figures per pipe, by read end
 * @param last    the last event folded in, null for the empty world
 */
public record Snapshot(long index, long nanos, Map<String, ActorView> actors,
                       SortedMap<Integer, DescriptorView> descriptors, SortedMap<Integer, SocketFigures> sockets,
                       SortedMap<Integer, PipeFigures> pipes, Event last) {

    /** The world before any event. */
    public static final Snapshot EMPTY = new Snapshot(-1, 0, Map.of(), Collections.emptySortedMap(),
            Collections.emptySortedMap(), Collections.emptySortedMap(), null);

    /** The world after {@code e}. */
    public Snapshot apply(Event e) {
        Map<String, ActorView> a = actors;
        SortedMap<Integer, DescriptorView> d = descriptors;
        SortedMap<Integer, SocketFigures> s = sockets;
        SortedMap<Integer, PipeFigures> p = pipes;
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
                        o.requestedSndbuf(), o.requestedRcvbuf()));
            }
            case Event.DescriptorClosed c -> {
                d = new TreeMap<>(descriptors);
                d.remove(c.fd());
                s = new TreeMap<>(sockets);
                s.remove(c.fd());
                p = new TreeMap<>(pipes);
                p.values().removeIf(f -> f.writeFd() == c.fd() || f.readFd() == c.fd());
            }
            case Event.KernelSample ks -> {
                s = new TreeMap<>(sockets);
                for (SocketFigures f : ks.sockets()) {
                    s.put(f.fd(), f);
                }
                p = new TreeMap<>(pipes);
                for (PipeFigures f : ks.pipes()) {
                    p.put(f.readFd(), f);
                }
            }
            case Event.Note n -> {
                // narration changes nothing visible but the last event
            }
        }
        return new Snapshot(e.seq(), e.nanos(), freeze(a), freezeSorted(d), freezeSorted(s), freezeSorted(p), e);
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
        return m instanceof LinkedHashMap<K, V> ? Collections.unmodifiableMap(m) : m;
    }

    private static <K, V> SortedMap<K, V> freezeSorted(SortedMap<K, V> m) {
        return m instanceof TreeMap<K, V> ? Collections.unmodifiableSortedMap(m) : m;
    }
}
