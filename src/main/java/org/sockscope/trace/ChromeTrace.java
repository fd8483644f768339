package org.sockscope.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording as Chrome Trace Event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing open:
 * a process track per lesson process, a thread track per actor (its kernel tid), a complete slice
 * ({@code "ph":"X"}) per call with its return value, errno and the call meter's figures, an instant
 * where the kernel said the thread was asleep, and counter tracks ({@code "ph":"C"}) for each
 * socket's and pipe's queues as the sampler read them. Times are microseconds since the trace began.
 */
public final class ChromeTrace {
    private ChromeTrace() {
    }

    /** The JSON text of {@code r}. */
    public static String of(Recording r) {
        List<Event> events = r.trace().events();
        Tracks tracks = new Tracks(events);
        ObjectNode root = TraceJson.MAPPER.createObjectNode();
        ArrayNode out = root.putArray("traceEvents");
        root.put("displayTimeUnit", "ms");
        ObjectNode about = root.putObject("otherData");
        RecordingHeader h = r.header();
        about.put("sockscopeVersion", h.sockscopeVersion());
        about.put("kernel", h.kernel());
        about.put("arch", h.arch());
        about.put("cpus", h.cpus());
        about.put("recordedAt", h.recordedAt());
        about.put("scenario", h.scenario());
        for (String p : tracks.processes()) {
            int pid = tracks.pid(p);
            meta(out, "process_name", tracks.index(p), 0, p + (pid > 0 ? " (pid " + pid + ")" : " (a thread of SockScope's process)"));
        }
        for (String a : tracks.actors()) {
            meta(out, "thread_name", tracks.index(tracks.process(a)), tracks.tid(a), a + " (tid " + tracks.tid(a) + ")");
        }
        meta(out, "process_name", 0, 0, "lab (SockScope's notes)");
        Map<Long, Event.CallStarted> open = new LinkedHashMap<>();
        Map<Long, String> counterOf = new HashMap<>();
        Map<Long, Integer> counterPid = new HashMap<>();
        long end = events.isEmpty() ? 0 : events.getLast().nanos();
        for (Event e : events) {
            switch (e) {
                case Event.CallStarted s -> open.put(s.callId(), s);
                case Event.CallReturned ret -> {
                    Event.CallStarted s = open.remove(ret.callId());
                    long start = s == null ? ret.nanos() : s.nanos();
                    ObjectNode x = event(out, "X", ret.call().text(), start, tracks, ret.actor());
                    x.put("dur", (ret.nanos() - start) / 1000.0);
                    outcome(x.putObject("args"), ret);
                }
                case Event.CallBlocked b -> instant(event(out, "i", "asleep in " + b.syscall()
                        + (b.wchan().isEmpty() ? "" : " (" + b.wchan() + ")"), b.nanos(), tracks, b.actor()));
                case Event.CallCancelled c -> instant(event(out, "i", "woken from outside: " + c.how(), c.nanos(), tracks, c.actor()));
                case Event.DescriptorOpened o -> {
                    long id = o.descriptor().identity();
                    if (id >= 0 && !counterOf.containsKey(id)) {
                        counterOf.put(id, (o.descriptor().kind() == org.sockscope.kernel.Descriptor.Kind.SOCKET ? "socket" : "pipe")
                                + " #" + id + " (" + o.process() + " fd " + o.descriptor().fd() + " " + o.label() + ")");
                        counterPid.put(id, tracks.index(o.process()));
                    }
                }
                case Event.KernelSample k -> {
                    for (SocketFigures f : k.sockets()) {
                        ObjectNode args = counter(out, counterOf, counterPid, f.cookie(), k.nanos());
                        args.put("receive queue (SIOCINQ)", f.inq());
                        args.put("not sent (SIOCOUTQNSD)", f.notSent());
                        args.put("sent, awaiting ACK (SIOCOUTQ - SIOCOUTQNSD)", f.outq() - f.notSent());
                    }
                    for (PipeFigures f : k.pipes()) {
                        counter(out, counterOf, counterPid, f.inode(), k.nanos()).put("queued (FIONREAD)", f.queued());
                    }
                }
                case Event.Note n -> instant(lab(out, "i", n.text(), n.nanos()));
                default -> {
                }
            }
        }
        for (Event.CallStarted s : open.values()) { // still in the call when the recording ended
            ObjectNode x = event(out, "X", s.call().text(), s.nanos(), tracks, s.actor());
            x.put("dur", (end - s.nanos()) / 1000.0);
            x.putObject("args").put("unfinished", "still in the call when the recording ended");
        }
        try {
            return TraceJson.MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void meta(ArrayNode out, String name, int pid, int tid, String value) {
        ObjectNode m = out.addObject();
        m.put("ph", "M").put("name", name).put("ts", 0).put("pid", pid).put("tid", tid);
        m.putObject("args").put("name", value);
    }

    private static ObjectNode event(ArrayNode out, String ph, String name, long nanos, Tracks tracks, String actor) {
        ObjectNode e = out.addObject();
        e.put("ph", ph).put("name", name).put("ts", nanos / 1000.0)
                .put("pid", tracks.index(tracks.process(actor))).put("tid", tracks.tid(actor));
        return e;
    }

    private static ObjectNode lab(ArrayNode out, String ph, String name, long nanos) {
        ObjectNode e = out.addObject();
        e.put("ph", ph).put("name", name).put("ts", nanos / 1000.0).put("pid", 0).put("tid", 0);
        return e;
    }

    private static void instant(ObjectNode e) {
        e.put("s", "t");
    }

    private static ObjectNode counter(ArrayNode out, Map<Long, String> names, Map<Long, Integer> pids, long id, long nanos) {
        ObjectNode c = out.addObject();
        c.put("ph", "C").put("name", names.getOrDefault(id, "#" + id)).put("ts", nanos / 1000.0)
                .put("pid", pids.getOrDefault(id, 0)).put("tid", 0).put("id", id);
        return c.putObject("args");
    }

    private static void outcome(ObjectNode args, Event.CallReturned r) {
        CallOutcome o = r.outcome();
        args.put("returned", o.display());
        args.put("ret", o.ret());
        args.put("errno", o.errno() == 0 ? "" : o.errnoName());
        if (r.call().metered()) {
            args.put("in the kernel (us)", o.syscallNanos() / 1000.0);
            args.put("voluntary context switches (blocked if > 0)", o.voluntarySwitches());
            args.put("involuntary context switches", o.involuntarySwitches());
        }
        if (o.loop()) {
            args.put("loop", o.stopText());
        }
        if (!r.data().isEmpty()) {
            args.put("data", r.data());
        }
    }
}
