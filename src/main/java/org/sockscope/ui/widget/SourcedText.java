package org.sockscope.ui.widget;

/**
 * A text as shown on screen with where it came from: what a label says, and the {@link Source}
 * and detail its tooltip states. View-models and states compute these (no JavaFX); skins show them.
 *
 * @param text   what the label says (empty: nothing to show)
 * @param source where the figure came from
 * @param detail how exactly it was obtained, for the tooltip
 */
public record SourcedText(String text, Source source, String detail) {
    /** Nothing shown. */
    public static final SourcedText NONE = new SourcedText("", Source.DERIVED, "");

    /** The tooltip text: the source and the detail. */
    public String tooltip() {
        return source.describe(detail);
    }
}
