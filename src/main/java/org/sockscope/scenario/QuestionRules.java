package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which choices of a question match what the kernel really did. The right answer is never
 * stored: it is whatever choice's rule the real outcomes satisfy.
 */
public final class QuestionRules {
    private QuestionRules() {
    }

    /**
     * The letters of the choices that match, in slide order. A rule matches when every step it
     * names has an outcome and every pattern matches; a step with no outcome yet (not run) makes
     * the rule fail. The {@code otherwise} choice matches exactly when no ruled choice does.
     *
     * @param question the question
     * @param outcomes step id → what the kernel did (a still-blocked call is {@link StepOutcome#pending})
     */
    public static List<String> matching(Question question, Map<String, StepOutcome> outcomes) {
        List<String> letters = new ArrayList<>();
        for (Choice c : question.choices()) {
            if (!c.when().isEmpty() && matches(c, outcomes)) {
                letters.add(c.letter());
            }
        }
        if (letters.isEmpty()) {
            question.choices().stream().filter(Choice::otherwise).findFirst().ifPresent(c -> letters.add(c.letter()));
        }
        return letters;
    }

    /** True when every step the choice's rule names has an outcome that matches its pattern. */
    public static boolean matches(Choice choice, Map<String, StepOutcome> outcomes) {
        for (var e : choice.when().entrySet()) {
            StepOutcome o = outcomes.get(e.getKey());
            if (o == null || !e.getValue().matches(o)) {
                return false;
            }
        }
        return !choice.when().isEmpty();
    }

    /** True when every step the question looks at has an outcome, so the answer can be revealed. */
    public static boolean decidable(Question question, Map<String, StepOutcome> outcomes) {
        return outcomes.keySet().containsAll(question.decidingSteps());
    }
}
