package org.sockscope.ui.widget;

/**
 * The colour class of a send() call's bytes. The lab fills every byte of call k with the letter
 * {@code Payload.tag(k)}; the letter picks one of {@link #COUNT} colour-blind-safe colours
 * (Okabe–Ito) and a fill pattern, and the letter itself is drawn too: never colour alone.
 */
public final class CallColors {
    /** Number of distinct colour/pattern classes ({@code call-0} … {@code call-6} in the CSS). */
    public static final int COUNT = 7;

    private CallColors() {
    }

    /** The colour class index of {@code letter}. */
    public static int index(char letter) {
        if (letter < 'A' || letter > 'Z') {
            return COUNT; // mixed or unknown bytes: the neutral class
        }
        return (letter - 'A') % COUNT;
    }

    /**
     * Gives {@code block} the classes {@code byte-block} and {@code letter}'s colour class, touching
     * its style classes only when they change (a change makes JavaFX re-apply CSS to the node).
     */
    public static void style(javafx.scene.Node block, char letter) {
        String wanted = styleClass(letter);
        var classes = block.getStyleClass();
        if (classes.size() != 2 || !classes.get(0).equals("byte-block") || !classes.get(1).equals(wanted)) {
            classes.setAll("byte-block", wanted);
        }
    }

    /** The style class of {@code letter}'s bytes ({@code call-3}; {@code call-mixed} for others). */
    public static String styleClass(char letter) {
        int i = index(letter);
        return i == COUNT ? "call-mixed" : "call-" + i;
    }
}
