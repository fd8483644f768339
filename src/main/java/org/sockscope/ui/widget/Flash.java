package org.sockscope.ui.widget;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.util.Duration;

import java.util.Objects;

/**
 * Briefly highlights what changed since the previous event: the node gets the {@code :changed}
 * pseudo-class for {@link #HOLD}, restarted on every further change (one timer per node).
 */
public final class Flash {
    /** The pseudo-class the CSS highlights. */
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** How long a change stays highlighted. */
    public static final Duration HOLD = Duration.millis(1500);
    private static final String KEY = "sockscope.flash";

    private Flash() {
    }

    /** Highlights {@code node} for {@link #HOLD}. */
    public static void flash(Node node) {
        PauseTransition p = (PauseTransition) node.getProperties().computeIfAbsent(KEY, k -> {
            PauseTransition t = new PauseTransition(HOLD);
            t.setOnFinished(e -> node.pseudoClassStateChanged(CHANGED, false));
            return t;
        });
        node.pseudoClassStateChanged(CHANGED, true);
        p.playFromStart();
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
