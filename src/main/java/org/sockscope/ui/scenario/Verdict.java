package org.sockscope.ui.scenario;

import org.sockscope.scenario.OutcomePattern;
import org.sockscope.scenario.Question;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.scenario.Step;
import org.sockscope.scenario.StepOutcome;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.Snapshot;
import org.sockscope.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the reveal shows: the letters whose rules match what the kernel did (from
 * {@code ScenarioSession.matchingChoices()}, never stored in the file) and the evidence, one line
 * per deciding step.
 *
 * @param letters  the matching choices' letters, in slide order (empty: no choice matches)
 * @param evidence one entry per step the question's rules look at
 */
record Verdict(List<String> letters, List<Evidence> evidence) {

    Verdict {
        letters = List.copyOf(letters);
        evidence = List.copyOf(evidence);
    }

    /**
     * What one deciding step did, as the kernel reported it at the reveal.
     *
     * @param step    the step's number, from 1
     * @param id      the step's id (the name the rules use)
     * @param process who made the call
     * @param call    the call with its descriptor numbers
     * @param pending the call had not returned at the reveal (asleep in the kernel, or looping)
     * @param blocked the kernel put the thread to sleep in the call
     * @param outcome the return value or errno, blocked or not, in words
     * @param figures the buffer figures before the call and at the reveal (kernel readings), or empty
     * @param later   what it did after the reveal, once it returned (empty until then)
     * @param busy    where a rule judges the step busy: SockScope's verdict with the measured figures, else empty
     */
    record Evidence(int step, String id, String process, String call, boolean pending, boolean blocked,
                    String outcome, String figures, String later, String busy) {

        Evidence withLater(String text) {
            return new Evidence(step, id, process, call, pending, blocked, outcome, figures, text, busy);
        }
    }

    /** SockScope's busy rule when a rule of the question judges a step busy, else empty. */
    String rule() {
        return evidence.stream().anyMatch(e -> !e.busy().isEmpty()) ? OutcomePattern.Busy.RULE : "";
    }

    /** True when {@code letter} is one of the kernel's. */
    boolean matches(String letter) {
        return letters.contains(letter);
    }

    /**
     * The verdict from the session's {@code answer} and the reports of the deciding steps.
     * {@code marks.get(i)} is the trace index right before step i ran; {@code fdOf} gives a scenario
     * name's descriptor. A step a rule judges busy shows the figures the answer was decided from.
     */
    static Verdict of(Question q, ScenarioSession.Answer answer, List<StepReport> reports, List<Long> marks, Trace trace,
                      Function<String, org.sockscope.trace.Slot> fdOf) {
        java.util.Set<String> judgedBusy = q.stepsJudgedBy(OutcomePattern.Busy.class);
        Snapshot now = trace.latest();
        List<Evidence> ev = new ArrayList<>();
        for (String id : q.decidingSteps()) {
            for (StepReport r : reports) {
                Step s = r.step();
                if (!s.id().filter(id::equals).isPresent()) {
                    continue;
                }
                String figures = "";
                List<String> names = s.call().descriptors();
                if (!names.isEmpty() && s.index() < marks.size()) {
                    org.sockscope.trace.Slot slot = fdOf.apply(names.getFirst());
                    if (slot != null) {
                        figures = Describe.figures(trace.snapshotAt(marks.get(s.index())), now, slot.process(), slot.fd(),
                                s.call().name());
                    }
                }
                StepOutcome decided = answer.outcomes().getOrDefault(id, r.outcome());
                ev.add(new Evidence(s.index() + 1, id, s.process(), r.callText(), r.pending(), r.outcome().blocked(),
                        r.describe(), figures, "", judgedBusy.contains(id) ? busy(decided) : ""));
            }
        }
        ev.sort(java.util.Comparator.comparingInt(Evidence::step));
        return new Verdict(answer.letters(), ev);
    }

    /**
     * SockScope's busy verdict on {@code o} with the figures it judged ({@link OutcomePattern.Busy}):
     * {@code busy by SockScope's rule: on a CPU 97.1 ms + waiting for one 1.2 ms = 98 % of 100.4 ms wall (≥ 50 %)}.
     */
    static String busy(StepOutcome o) {
        return OutcomePattern.Busy.explain(o);
    }

    /** The same verdict, each pending call's evidence saying what it did once it returned. */
    Verdict updated(List<StepReport> reports) {
        List<Evidence> ev = new ArrayList<>();
        for (Evidence e : evidence) {
            Evidence next = e;
            if (e.pending()) {
                for (StepReport r : reports) {
                    if (r.step().index() + 1 == e.step() && !r.pending()) {
                        next = e.withLater("then " + r.describe());
                    }
                }
            }
            ev.add(next);
        }
        return ev.equals(evidence) ? this : new Verdict(letters, ev);
    }
}
