package org.sockscope.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who made each call, as the trace recorded it: each actor's process and kernel thread id
 * ({@link Event.ActorChanged}), each process's pid where it ran as a process of its own
 * ({@link Event.ProcessChanged}), in order of appearance. For the exports.
 */
final class Tracks {
    private final Map<String, String> processOf = new LinkedHashMap<>();
    private final Map<String, Integer> tidOf = new LinkedHashMap<>();
    private final Map<String, Integer> pidOf = new LinkedHashMap<>();
    private final Map<String, Integer> processIndex = new LinkedHashMap<>();

    Tracks(List<Event> events) {
        for (Event e : events) {
            if (e instanceof Event.ActorChanged a && a.alive()) {
                processOf.putIfAbsent(a.actor(), a.process());
                tidOf.putIfAbsent(a.actor(), a.tid());
                processIndex.putIfAbsent(a.process(), processIndex.size() + 1);
            } else if (e instanceof Event.ProcessChanged p) {
                pidOf.putIfAbsent(p.process(), p.pid());
                processIndex.putIfAbsent(p.process(), processIndex.size() + 1);
            } else if (e instanceof Event.DescriptorOpened o) { // a process may hold descriptors before (or without) a thread
                processIndex.putIfAbsent(o.process(), processIndex.size() + 1);
            }
        }
    }

    /** The actors, in order of appearance. */
    Iterable<String> actors() {
        return tidOf.keySet();
    }

    /** The processes, in order of appearance. */
    Iterable<String> processes() {
        return processIndex.keySet();
    }

    /** The process {@code actor} is a thread of ({@code actor} itself when the trace did not say). */
    String process(String actor) {
        return processOf.getOrDefault(actor, actor);
    }

    /** The kernel's thread id of {@code actor}, -1 when the trace did not say. */
    int tid(String actor) {
        return tidOf.getOrDefault(actor, -1);
    }

    /** The pid {@code process} ran as, -1 when it ran as threads of SockScope's own process. */
    int pid(String process) {
        return pidOf.getOrDefault(process, -1);
    }

    /** {@code process}'s place in order of appearance, from 1 (a track number, not a pid); 0 for one the trace never named. */
    int index(String process) {
        return processIndex.getOrDefault(process, 0);
    }
}
