package org.sockscope.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scenario, as loaded and validated from a YAML file: what to set up, which calls to make
 * in which order, what to say, and optionally the clicker question the steps answer.
 *
 * @param id       the file name without {@code .yaml} ({@code 03_recv_empty_vs_100})
 * @param source   where it was loaded from, as used in error messages
 * @param title    the title shown in the scenario list
 * @param slide    the title of the lecture slide this scenario belongs to
 * @param about    a paragraph for the instructor, or empty
 * @param question the clicker question, if the scenario asks one
 * @param setup    processes, connections, pipes, listeners and set-up actions
 * @param code     the C listing shown for each process, keyed by process name
 * @param steps    the steps, in order (at least one)
 * @param checks   statements about several steps together ({@code exactly_one_of: [a, b]}), possibly none
 */
public record Scenario(String id, String source, String title, String slide, String about,
                       Optional<Question> question, Setup setup, Map<String, CodeListing> code,
                       List<Step> steps, List<Check> checks) {

    public Scenario {
        question = question == null ? Optional.empty() : question;
        code = Map.copyOf(code);
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
    }

    /** The step with this id, if any. */
    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().filter(stepId::equals).isPresent()).findFirst();
    }

    /**
     * Index of the step before which the class predicts: the first step the question's rules look
     * at. Empty when there is no question.
     */
    public Optional<Integer> predictBeforeIndex() {
        return question.flatMap(q -> steps.stream()
                .filter(s -> s.id().filter(q.decidingSteps()::contains).isPresent())
                .map(Step::index).findFirst());
    }

    /**
     * Index of the last step the question's rules look at: once it has returned (or is seen
     * blocked), the answer can be revealed. Empty when there is no question.
     */
    public Optional<Integer> revealAfterIndex() {
        return question.flatMap(q -> steps.stream()
                .filter(s -> s.id().filter(q.decidingSteps()::contains).isPresent())
                .map(Step::index).reduce((a, b) -> b));
    }
}
