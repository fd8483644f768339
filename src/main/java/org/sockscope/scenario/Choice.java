package org.sockscope.scenario;

import java.util.List;
import java.util.Map;

/**
 * One choice of a clicker question and the rule that says when the real outcome matches it.
 *
 * @param letter    the slide's letter ({@code A}…)
 * @param text      the choice's text; for a table row, its cells joined with {@code " | "}
 * @param cells     the row's cells when the question has columns (empty for a spanning row such as
 *                  "Something else")
 * @param when      step id → pattern; the choice matches when every pattern matches its step's
 *                  outcome. Empty for an {@code otherwise} choice or a choice that never matches.
 * @param otherwise true for the catch-all choice that matches when no other choice does
 * @param caveat    what the reveal says about this choice where Linux differs from the slide, or empty
 */
public record Choice(String letter, String text, List<String> cells, Map<String, OutcomePattern> when,
                     boolean otherwise, String caveat) {

    public Choice {
        cells = List.copyOf(cells);
        when = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(when));
    }

    /** True when the choice can never match: it has neither a rule nor {@code otherwise}. */
    public boolean neverMatches() {
        return when.isEmpty() && !otherwise;
    }
}
