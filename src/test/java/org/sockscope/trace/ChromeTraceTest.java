package org.sockscope.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Chrome Trace Event export of real calls on 127.0.0.1 keeps the Trace Event Format's rules
 * (every event has ph, ts, pid, tid and name; known phases; complete slices with a duration; begin
 * and end matched per thread track; slices on a track nested, never overlapping; counters with
 * numbers only) and holds what the trace recorded: a slice per call with its return value, and the
 * sampler's queue sizes.
 */
class ChromeTraceTest {
    private static Recording recorded;
    private static JsonNode root;

    @BeforeAll
    static void export() throws Exception {
        SomeCalls.Run run = SomeCalls.record();
        recorded = new Recording(RecordingHeader.playground(run.trace(), run.samplerPeriodNanos()), run.trace());
        root = new ObjectMapper().readTree(ChromeTrace.of(recorded));
    }

    /** The rules, as a list of what breaks them (empty: none). */
    static List<String> violations(JsonNode root) {
        List<String> bad = new ArrayList<>();
        if (!root.path("traceEvents").isArray()) {
            return List.of("no traceEvents array");
        }
        Set<String> phases = Set.of("B", "E", "X", "i", "I", "C", "M", "b", "e", "n", "s", "t", "f", "P", "O", "N", "D");
        Map<String, Deque<JsonNode>> begun = new HashMap<>();
        Map<String, List<double[]>> slices = new HashMap<>();
        int i = 0;
        for (JsonNode e : root.path("traceEvents")) {
            String at = "event " + i++ + " " + e;
            for (String field : List.of("ph", "name")) {
                if (!e.path(field).isTextual() || e.path(field).asText().isEmpty()) {
                    bad.add(at + ": no " + field);
                }
            }
            if (!e.path("ts").isNumber() || e.path("ts").asDouble() < 0) {
                bad.add(at + ": no ts ≥ 0");
            }
            for (String field : List.of("pid", "tid")) {
                if (!e.path(field).isIntegralNumber()) {
                    bad.add(at + ": no integer " + field);
                }
            }
            String ph = e.path("ph").asText();
            String track = e.path("pid").asText() + "/" + e.path("tid").asText();
            if (!phases.contains(ph)) {
                bad.add(at + ": unknown phase " + ph);
            }
            switch (ph) {
                case "X" -> {
                    if (!e.path("dur").isNumber() || e.path("dur").asDouble() < 0) {
                        bad.add(at + ": a complete event without a duration ≥ 0");
                    }
                    slices.computeIfAbsent(track, k -> new ArrayList<>())
                            .add(new double[] {e.path("ts").asDouble(), e.path("ts").asDouble() + e.path("dur").asDouble()});
                }
                case "B" -> begun.computeIfAbsent(track, k -> new ArrayDeque<>()).push(e);
                case "E" -> {
                    Deque<JsonNode> stack = begun.get(track);
                    if (stack == null || stack.isEmpty()) {
                        bad.add(at + ": an end without a begin on its track");
                    } else if (stack.pop().path("ts").asDouble() > e.path("ts").asDouble()) {
                        bad.add(at + ": ends before it began");
                    }
                }
                case "C" -> e.path("args").properties().forEach(a -> {
                    if (!a.getValue().isNumber()) {
                        bad.add(at + ": counter " + a.getKey() + " is not a number");
                    }
                });
                case "i", "I" -> {
                    if (!Set.of("g", "p", "t").contains(e.path("s").asText("t"))) {
                        bad.add(at + ": an instant's scope must be g, p or t");
                    }
                }
                case "M" -> {
                    if (!e.path("args").path("name").isTextual()) {
                        bad.add(at + ": metadata without args.name");
                    }
                }
                default -> {
                }
            }
        }
        begun.forEach((track, stack) -> stack.forEach(b -> bad.add("track " + track + ": begun, never ended: " + b)));
        slices.forEach((track, list) -> {
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            Deque<double[]> open = new ArrayDeque<>();
            for (double[] s : list) {
                while (!open.isEmpty() && open.peek()[1] <= s[0]) {
                    open.pop();
                }
                if (!open.isEmpty() && s[1] > open.peek()[1]) {
                    bad.add("track " + track + ": slices overlap without nesting at ts " + s[0]);
                }
                open.push(s);
            }
        });
        return bad;
    }

    @Test
    void theExportKeepsTheTraceEventFormatsRules() {
        assertEquals(List.of(), violations(root));
    }

    @Test
    void everyCallIsASliceWithItsReturnAndEverySampleACounter() {
        List<Event> events = recorded.trace().events();
        List<JsonNode> slices = new ArrayList<>();
        root.path("traceEvents").forEach(e -> {
            if (e.path("ph").asText().equals("X")) {
                slices.add(e);
            }
        });
        List<Event.CallReturned> returned = events.stream().filter(e -> e instanceof Event.CallReturned)
                .map(e -> (Event.CallReturned) e).toList();
        assertEquals(events.stream().filter(e -> e instanceof Event.CallStarted).count(), slices.size(), "one slice per call");
        for (int k = 0; k < returned.size(); k++) {
            Event.CallReturned r = returned.get(k);
            JsonNode s = slices.get(k);
            assertEquals(r.call().text(), s.path("name").asText());
            assertEquals(r.outcome().ret(), s.path("args").path("ret").asLong());
            assertEquals(r.outcome().display(), s.path("args").path("returned").asText());
        }
        assertTrue(slices.stream().anyMatch(s -> s.path("args").path("errno").asText().equals("EAGAIN")), "the EAGAIN send");
        long samples = events.stream().filter(e -> e instanceof Event.KernelSample k).mapToLong(e -> {
            Event.KernelSample k = (Event.KernelSample) e;
            return k.sockets().size() + k.pipes().size();
        }).sum();
        long counters = 0;
        for (JsonNode e : root.path("traceEvents")) {
            counters += e.path("ph").asText().equals("C") ? 1 : 0;
        }
        assertEquals(samples, counters, "a counter value per socket and pipe reading");
        int tid = events.stream().filter(e -> e instanceof Event.ActorChanged a && a.actor().equals("P2"))
                .mapToInt(e -> ((Event.ActorChanged) e).tid()).findFirst().orElseThrow();
        assertTrue(slices.stream().anyMatch(s -> s.path("tid").asInt() == tid && s.path("name").asText().startsWith("recv(")),
                "P2's calls on P2's kernel thread id");
        java.util.Set<Integer> named = new java.util.HashSet<>();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        root.path("traceEvents").forEach(e -> {
            if (e.path("name").asText().equals("process_name")) {
                named.add(e.path("pid").asInt());
            } else {
                used.add(e.path("pid").asInt());
            }
        });
        assertTrue(named.containsAll(used), "every process track has a name: named " + named + ", used " + used);
    }

    @Test
    void theCheckerCatchesBrokenTraces() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertEquals(1, violations(m.readTree("{\"traceEvents\":[{\"ph\":\"B\",\"ts\":1,\"pid\":1,\"tid\":1,\"name\":\"a\"}]}")).size());
        assertEquals(1, violations(m.readTree("{\"traceEvents\":[{\"ph\":\"X\",\"ts\":1,\"pid\":1,\"tid\":1,\"name\":\"a\"}]}")).size());
        assertEquals(1, violations(m.readTree("{\"traceEvents\":[{\"ph\":\"X\",\"ts\":1,\"dur\":5,\"pid\":1,\"tid\":1,\"name\":\"a\"},"
                + "{\"ph\":\"X\",\"ts\":3,\"dur\":5,\"pid\":1,\"tid\":1,\"name\":\"b\"}]}")).size());
        assertEquals(1, violations(m.readTree("{\"traceEvents\":[{\"ph\":\"C\",\"ts\":1,\"pid\":1,\"name\":\"q\",\"args\":{\"n\":1}}]}")).size());
    }
}
