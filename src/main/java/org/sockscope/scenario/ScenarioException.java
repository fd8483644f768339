package org.sockscope.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file was rejected; it holds every located problem found (at least one). */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioError> errors;

    public ScenarioException(List<ScenarioError> errors) {
        super(errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The problems, in file order. */
    public List<ScenarioError> errors() {
        return errors;
    }

    /** The first problem. */
    public ScenarioError first() {
        return errors.getFirst();
    }
}
