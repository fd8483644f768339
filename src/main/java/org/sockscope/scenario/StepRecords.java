package org.sockscope.scenario;

import org.sockscope.trace.RecordedSteps;
import org.sockscope.trace.Slot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's step reports as a recording holds them ({@link RecordedSteps}), and back: a replay's
 * reports are the recorded ones, field for field; only which expectations they did not meet is
 * decided again, by the same rules, from the recorded outcome.
 */
public final class StepRecords {
    private StepRecords() {
    }

    /** What {@code s} has reported so far; trace indexes counted from the recording's first event ({@code dropped} before it). */
    public static RecordedSteps of(ScenarioSession s, long dropped) {
        List<RecordedSteps.Entry> entries = new ArrayList<>();
        for (StepReport r : s.reports()) {
            StepOutcome o = r.outcome();
            entries.add(new RecordedSteps.Entry(r.step().index(), r.callText(), r.callId(), o.finished(), o.ret(), o.errno(),
                    o.blocked(), o.requested(), o.calls(), o.cpuNanos(), o.waitNanos(), o.wallNanos(), o.total(), o.stop(),
                    o.figures(), r.syscall(), r.wchan(), r.data(), shift(r.startedSeq(), dropped), shift(r.returnedSeq(), dropped),
                    r.notes()));
        }
        List<RecordedSteps.Name> names = new ArrayList<>();
        names(s).forEach((slot, name) -> names.add(new RecordedSteps.Name(slot.process(), slot.fd(), name)));
        names.sort(java.util.Comparator.comparing(RecordedSteps.Name::process).thenComparingInt(RecordedSteps.Name::fd));
        return new RecordedSteps(entries, names);
    }

    private static long shift(long seq, long dropped) {
        return seq < 0 ? seq : seq - dropped;
    }

    /** The recorded outcome of one step. */
    public static StepOutcome outcome(RecordedSteps.Entry e) {
        return new StepOutcome(e.finished(), e.ret(), e.errno(), e.blocked(), e.requested(), e.calls(), e.cpuNanos(),
                e.waitNanos(), e.wallNanos(), e.total(), e.stop(), e.figures());
    }

    /** The reports of {@code recorded} for {@code scenario} (the one in the recording's header); steps it does not have are left out. */
    public static List<StepReport> reports(Scenario scenario, RecordedSteps recorded) {
        List<StepReport> out = new ArrayList<>();
        for (RecordedSteps.Entry e : recorded.steps()) {
            if (e.index() < 0 || e.index() >= scenario.steps().size()) {
                continue;
            }
            Step step = scenario.steps().get(e.index());
            StepOutcome o = outcome(e);
            List<OutcomePattern> unmet = step.expect().stream().filter(p -> Boolean.FALSE.equals(p.settled(o))).toList();
            out.add(new StepReport(step, e.callText(), e.callId(), o, e.syscall(), e.wchan(), e.data(),
                    Math.max(e.startedSeq(), e.returnedSeq()), unmet, e.startedSeq(), e.returnedSeq(), e.notes()));
        }
        return out;
    }

    /** The outcome of every recorded step that has an id, for the question's rules (as {@link ScenarioSession#outcomes}). */
    public static Map<String, StepOutcome> outcomes(Scenario scenario, RecordedSteps recorded) {
        Map<String, StepOutcome> out = new LinkedHashMap<>();
        for (StepReport r : reports(scenario, recorded)) {
            r.step().id().ifPresent(id -> out.put(id, r.outcome()));
        }
        return out;
    }

    /** Descriptor → the scenario's name for it, as recorded. */
    public static Map<Slot, String> names(RecordedSteps recorded) {
        Map<Slot, String> out = new HashMap<>();
        recorded.names().forEach(n -> out.put(new Slot(n.process(), n.fd()), n.name()));
        return out;
    }

    /**
     * Descriptor → scenario name in {@code s} now; a name bound by a later step wins (close() then
     * socket() reuses a number).
     */
    public static Map<Slot, String> names(ScenarioSession s) {
        List<String> names = new ArrayList<>();
        Scenario sc = s.scenario();
        for (TcpSpec t : sc.setup().tcp()) {
            names.add(t.end(Side.CLIENT));
            names.add(t.end(Side.SERVER));
        }
        for (PipeSpec p : sc.setup().pipes()) {
            names.add(p.writeEnd());
            names.add(p.readEnd());
        }
        sc.setup().listeners().stream().map(ListenerSpec::name).forEach(names::add);
        for (Step step : sc.steps()) {
            if (step.index() < s.nextIndex()) {
                step.bind().ifPresent(names::add);
            }
        }
        Map<Slot, String> out = new HashMap<>();
        for (String n : names) {
            s.slots(n).forEach(slot -> out.put(slot, n));
        }
        return out;
    }
}
