package org.sockscope.trace;

import java.util.List;

/**
 * A scenario question's answer as it was decided when the run was saved, by the same code as the
 * live reveal (from settled outcomes only), with the evidence: what each step did, in words.
 *
 * @param letters   the matching choices' letters; empty when none matched or it was not settled
 * @param unsettled the steps whose calls had not settled yet when saved (then no letter is given)
 * @param evidence  one line per step run: {@code Step 2 · app_empty · recv(…): returned 100 of 200 asked, …}
 */
public record RecordedReveal(List<String> letters, List<String> unsettled, List<String> evidence) {
    /** No question, or a playground run. */
    public static final RecordedReveal NONE = new RecordedReveal(List.of(), List.of(), List.of());

    public RecordedReveal {
        letters = letters == null ? List.of() : List.copyOf(letters);
        unsettled = unsettled == null ? List.of() : List.copyOf(unsettled);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The answer in words: {@code The kernel's answer: B}, {@code … no choice matches}, or why there is none. */
    public String sentence() {
        if (!unsettled.isEmpty()) {
            return "No answer: steps " + String.join(", ", unsettled) + " had not settled when the run was saved";
        }
        return "The kernel's answer: " + (letters.isEmpty() ? "no choice matches" : String.join(", ", letters));
    }
}
