package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Collects located problems while a file is read, so one pass reports them all. */
final class Problems {
    /** After this many, further problems are dropped: the first ones are what the author fixes. */
    static final int MAX = 25;

    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem at 1-based line and column. */
    void at(int line, int column, String message, String hint) {
        if (errors.size() < MAX) {
            errors.add(new ScenarioError(file, Math.max(1, line), Math.max(1, column), message, hint == null ? "" : hint));
        }
    }

    /** A problem at a SnakeYAML mark (0-based). */
    void at(Mark mark, String message, String hint) {
        if (mark == null) {
            at(1, 1, message, hint);
        } else {
            at(mark.getLine() + 1, mark.getColumn() + 1, message, hint);
        }
    }

    /** A problem at the start of a node. */
    void at(Node node, String message, String hint) {
        at(node.getStartMark(), message, hint);
    }

    /**
     * A problem inside a text value, at the error's offset when the value sits on one line as
     * written (plain or quoted); otherwise at the value's start.
     */
    void inside(ScalarNode node, InlineError e) {
        insideOne(node, e);
        e.others.forEach(other -> insideOne(node, other));
    }

    private void insideOne(ScalarNode node, InlineError e) {
        Mark start = node.getStartMark();
        Mark end = node.getEndMark();
        int shift = switch (node.getScalarStyle()) {
            case PLAIN -> 0;
            case SINGLE_QUOTED, DOUBLE_QUOTED -> 1;
            default -> -1;
        };
        // Offsets map onto columns only when the source span is the value itself (plus quotes):
        // one line, no escapes, no folding.
        boolean verbatim = start != null && end != null && shift >= 0 && start.getLine() == end.getLine()
                && end.getColumn() - start.getColumn() == node.getValue().length() + 2 * shift;
        if (verbatim) {
            at(start.getLine() + 1, start.getColumn() + 1 + shift + e.offset, e.getMessage(), e.hint);
        } else {
            at(start, e.getMessage(), e.hint);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    /** The problems sorted by position. */
    List<ScenarioError> sorted() {
        List<ScenarioError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
        return out;
    }
}
