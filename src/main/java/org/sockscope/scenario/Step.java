package org.sockscope.scenario;

import java.util.List;
import java.util.Optional;

/**
 * One step: a process makes one call (or repeats it), the code pane highlights lines, the
 * instructor says something, and the runner checks the expectations against what the kernel did.
 *
 * @param index      position in the scenario, from 0
 * @param id         the id question rules refer to, or empty
 * @param process    the process (or thread) that makes the call
 * @param call       the call
 * @param lines      the lines of the process's code listing to highlight (1-based), possibly none
 * @param say        the narration
 * @param bind       the name the result is bound to ({@code as: sock}), or empty: a descriptor for
 *                   {@code socket()}/{@code accept()}, a number otherwise
 * @param expect     patterns the outcome must match (all of them), possibly none
 * @param repeat     how the call is repeated, or empty for a single call
 * @param sourceLine the line of the step in the scenario file (1-based)
 */
public record Step(int index, Optional<String> id, String process, Call call, List<Integer> lines, String say,
                   Optional<String> bind, List<OutcomePattern> expect, Optional<Repeat> repeat, int sourceLine) {

    public Step {
        lines = List.copyOf(lines);
        expect = List.copyOf(expect);
    }

    /** The expectations the outcome does not meet (empty when all are met). */
    public List<OutcomePattern> unmet(StepOutcome outcome) {
        return expect.stream().filter(p -> !p.matches(outcome)).toList();
    }
}
