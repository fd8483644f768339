package org.sockscope.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A clicker question with its choices as on the slide. Which choice is right is never stored:
 * each choice carries a rule over the real outcomes of steps (see {@link QuestionRules}).
 *
 * @param prompt  the question, as on the slide
 * @param note    a footnote from the slide ({@code "Block" means pause the calling process.}), or empty
 * @param columns the column headers when the choices form a table ({@code Empty}, {@code 100 Bytes}), or empty
 * @param choices the choices in slide order
 */
public record Question(String prompt, String note, List<String> columns, List<Choice> choices) {

    public Question {
        columns = List.copyOf(columns);
        choices = List.copyOf(choices);
    }

    /** The ids of the steps whose outcomes decide the answer, in first-mention order. */
    public Set<String> decidingSteps() {
        Set<String> ids = new LinkedHashSet<>();
        choices.forEach(c -> ids.addAll(c.when().keySet()));
        return ids;
    }

    /** The ids of the steps some choice's rule judges with a pattern of {@code kind} ({@code busy}). */
    public Set<String> stepsJudgedBy(Class<? extends OutcomePattern> kind) {
        Set<String> ids = new LinkedHashSet<>();
        choices.forEach(c -> c.when().forEach((id, p) -> {
            if (p.uses(kind)) {
                ids.add(id);
            }
        }));
        return ids;
    }

        /** The choice with this letter, if any. */
    public Optional<Choice> choice(String letter) {
        return choices.stream().filter(c -> c.letter().equals(letter)).findFirst();
    }
}
