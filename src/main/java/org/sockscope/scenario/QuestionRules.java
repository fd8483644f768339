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
            if (o == null || !Boolean.TRUE.equals(e.getValue().settled(o))) {
                return false;
            }
        }
        return !choice.when().isEmpty();
    }

    /**
     * The letters of the matching choices once every rule has settled (see
     * {@link OutcomePattern#settled}); empty while any rule still depends on a running call. The
     * app's reveal and the command line both decide through this.
     */
    public static java.util.Optional<List<String>> settledMatching(Question question, Map<String, StepOutcome> outcomes) {
        for (Choice c : question.choices()) {
            if (!c.when().isEmpty() && settled(c, outcomes) == null) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(matching(question, outcomes));
    }

    /** The steps whose running calls the question still waits for. */
    public static List<String> unsettledSteps(Question question, Map<String, StepOutcome> outcomes) {
        List<String> ids = new ArrayList<>();
        for (Choice c : question.choices()) {
            for (var e : c.when().entrySet()) {
                StepOutcome o = outcomes.get(e.getKey());
                if (o != null && e.getValue().settled(o) == null && !ids.contains(e.getKey())) {
                    ids.add(e.getKey());
                }
            }
        }
        return ids;
    }

    private static Boolean settled(Choice choice, Map<String, StepOutcome> outcomes) {
        boolean unknown = false;
        for (var e : choice.when().entrySet()) {
            StepOutcome o = outcomes.get(e.getKey());
            if (o == null) {
                return false; // not run: the rule fails, as in matching()
            }
            Boolean b = e.getValue().settled(o);
            if (Boolean.FALSE.equals(b)) {
                return false;
            }
            unknown |= b == null;
        }
        return unknown ? null : Boolean.TRUE;
    }
}
