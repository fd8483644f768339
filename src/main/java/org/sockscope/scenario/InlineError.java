package org.sockscope.scenario;

/**
 * A problem inside one text value (a call or a pattern), at a character offset in that text.
 * The loader turns it into a located {@link ScenarioError}.
 */
final class InlineError extends Exception {
    private static final long serialVersionUID = 1L;

    final int offset;
    final String hint;

    InlineError(int offset, String message, String hint) {
        super(message, null, false, false);
        this.offset = offset;
        this.hint = hint == null ? "" : hint;
    }
}
