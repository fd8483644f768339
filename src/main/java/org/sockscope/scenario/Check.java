package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement about several steps together, checked like a step's {@code expect}: {@code
 * exactly_one_of: [a, b], outcome: returns 10}. Decided from settled outcomes only.
 *
 * @param how        how many of the steps must match
 * @param steps      the step ids, in the order written
 * @param outcome    the pattern each step is judged on
 * @param sourceLine the check's line in the scenario file (1-based)
 */
public record Check(How how, List<String> steps, OutcomePattern outcome, int sourceLine) {

    public Check {
        steps = List.copyOf(steps);
    }

    /** How many of the steps must match. */
    public enum How {
        EXACTLY_ONE_OF("exactly one of"), ANY_OF("at least one of"), ALL_OF("all of"), NONE_OF("none of");

        final String words;

        How(String words) {
            this.words = words;
        }

        /** The YAML key: {@code exactly_one_of}. */
        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * TRUE or FALSE once enough of the steps have settled to decide, null while it still depends on
     * a running call (or a step not run yet).
     */
    public Boolean settled(Map<String, StepOutcome> outcomes) {
        int yes = 0;
        int open = 0;
        for (String id : steps) {
            StepOutcome o = outcomes.get(id);
            Boolean b = o == null ? null : outcome.settled(o);
            if (b == null) {
                open++;
            } else if (b) {
                yes++;
            }
        }
        int n = steps.size();
        return switch (how) {
            case EXACTLY_ONE_OF -> yes > 1 ? Boolean.FALSE : open > 0 ? null : yes == 1;
            case ANY_OF -> yes > 0 ? Boolean.TRUE : open > 0 ? null : Boolean.FALSE;
            case ALL_OF -> yes + open < n ? Boolean.FALSE : open > 0 ? null : Boolean.TRUE;
            case NONE_OF -> yes > 0 ? Boolean.FALSE : open > 0 ? null : Boolean.TRUE;
        };
    }

    /** What to say when it failed: the check, then each step's outcome as judged. */
    public String failure(Map<String, StepOutcome> outcomes) {
        List<String> each = new ArrayList<>();
        for (String id : steps) {
            StepOutcome o = outcomes.get(id);
            Boolean b = o == null ? null : outcome.settled(o);
            each.add(id + " " + (b == null ? "not settled" : b ? "matched" : "did not match"));
        }
        return this + ": actual: " + String.join(", ", each);
    }

    @Override
    public String toString() {
        return how.words + " " + steps + " " + outcome;
    }
}
