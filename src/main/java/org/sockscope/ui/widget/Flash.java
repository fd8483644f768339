package org.sockscope.ui.widget;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.util.Duration;

import java.util.Objects;

/**
 * Briefly highlights what changed since the previous event: the node gets the {@code :changed}
 * pseudo-class for {@link #HOLD}. A node whose value keeps changing (a stream of calls) is
 * highlighted once and then left calm until it has been still for {@link #HOLD}: a screen that
 * is all highlight shows nothing.
 */
public final class Flash {
    /** The pseudo-class the CSS highlights. */
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** How long a change stays highlighted. */
    public static final Duration HOLD = Duration.millis(1500);
    private static final long HOLD_NANOS = (long) (HOLD.toMillis() * 1_000_000);
    private static final String KEY = "sockscope.flash";

    private Flash() {
    }

    /** One node's highlight: its timer and when its value last changed. */
    private static final class State {
        final PauseTransition timer = new PauseTransition(HOLD);
        long lastChange = Long.MIN_VALUE / 2;
        boolean lit;
    }

    /** Highlights {@code node} for {@link #HOLD}, unless it has been changing continuously. */
    public static void flash(Node node) {
        State s = (State) node.getProperties().computeIfAbsent(KEY, k -> {
            State st = new State();
            st.timer.setOnFinished(e -> {
                st.lit = false;
                node.pseudoClassStateChanged(CHANGED, false);
            });
            return st;
        });
        long now = System.nanoTime();
        boolean calmBefore = now - s.lastChange >= HOLD_NANOS;
        s.lastChange = now;
        if (calmBefore && !s.lit) {
            s.lit = true;
            node.pseudoClassStateChanged(CHANGED, true);
            s.timer.playFromStart();
        }
    }

    /** Sets {@code text} on {@code label} and highlights it when the text differs from before. */
    public static void setText(Labeled label, String text) {
        if (!Objects.equals(label.getText(), text)) {
            boolean first = label.getText() == null || label.getText().isEmpty();
            label.setText(text);
            if (!first) {
                flash(label);
            }
        }
    }
}
