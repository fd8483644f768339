package org.sockscope.scenario;

import java.util.List;
import java.util.stream.Stream;

/**
 * A problem inside one text value (a call or a pattern), at a character offset in that text.
 * The loader turns it into a located {@link ScenarioError}. A call whose arguments are checked
 * one by one may have several: the first is this error, the rest are {@link #others}.
 */
final class InlineError extends Exception {
    private static final long serialVersionUID = 1L;

    final int offset;
    final String hint;
    /** Further problems in the same text, after this one. */
    final transient List<InlineError> others;

    InlineError(int offset, String message, String hint) {
        this(offset, message, hint, List.of());
    }

    private InlineError(int offset, String message, String hint, List<InlineError> others) {
        super(message, null, false, false);
        this.offset = offset;
        this.hint = hint == null ? "" : hint;
        this.others = List.copyOf(others);
    }

    /** One error standing for all of {@code errors} (at least one), in the order found. */
    static InlineError all(List<InlineError> errors) {
        List<InlineError> flat = errors.stream().flatMap(e -> Stream.concat(Stream.of(e), e.others.stream())).toList();
        InlineError first = flat.getFirst();
        return new InlineError(first.offset, first.getMessage(), first.hint, flat.subList(1, flat.size()));
    }
}
