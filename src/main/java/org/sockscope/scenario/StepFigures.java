package org.sockscope.scenario;

import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.trace.Slot;
import org.sockscope.trace.Snapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kernel figures a step's expectations name ({@link OutcomePattern#figures}), read when it
 * settled: queues from the probes' readings, select()'s ready set from the sets it returned.
 */
final class StepFigures {
    private StepFigures() {
    }

    /**
     * {@code recv_queue NAME}, {@code send_queue NAME} (SIOCINQ, SIOCOUTQ), {@code dropped NAME}
     * (SO_MEMINFO's drop count) and {@code pipe_queued NAME} (FIONREAD) as {@code snap} holds them;
     * a name with no open descriptor is left out.
     */
    static Map<String, Long> queues(Step step, Snapshot snap, Function<String, Optional<Slot>> slots) {
        Map<String, Long> out = new HashMap<>();
        for (OutcomePattern p : step.expect()) {
            for (String key : p.figures()) {
                String[] part = key.split(" ", 2);
                Optional<Slot> slot = slots.apply(part[1]);
                if (part[0].equals("ready") || slot.isEmpty()) {
                    continue;
                }
                Long v = switch (part[0]) {
                    case "pipe_queued" -> {
                        PipeFigures f = snap.pipe(slot.get().process(), slot.get().fd());
                        yield f == null ? null : (long) f.queued();
                    }
                    default -> {
                        SocketFigures f = snap.socket(slot.get().process(), slot.get().fd());
                        yield f == null ? null : (long) switch (part[0]) {
                            case "recv_queue" -> f.inq();
                            case "dropped" -> f.drops();
                            default -> f.outq();
                        };
                    }
                };
                if (v != null) {
                    out.put(key, v);
                }
            }
        }
        return out;
    }

    /** {@code ready NAME} → 1 or 0 for each descriptor a returned select() watched, from the sets it returned ({@code data}). */
    static Map<String, Long> ready(Step step, String data, Map<String, Integer> fds) {
        Map<String, Long> out = new HashMap<>();
        if (!step.call().name().equals("select") || data.isEmpty()) {
            return out;
        }
        java.util.Set<Integer> ready = new java.util.HashSet<>(org.sockscope.lab.Call.readyIn(data));
        for (String name : step.call().descriptors()) {
            Integer fd = fds.get(name);
            if (fd != null) {
                out.put(OutcomePattern.Ready.key(name), ready.contains(fd) ? 1L : 0L);
            }
        }
        return out;
    }
}
