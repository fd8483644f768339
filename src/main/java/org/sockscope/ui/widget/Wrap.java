package org.sockscope.ui.widget;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A row of labels that reflows on a narrow screen: side by side where they fit, else on the next
 * line, and a label longer than the whole row wraps inside it. Columns shrink, text does not.
 */
public final class Wrap {
    private Wrap() {
    }

    /** A flow of {@code nodes} with gaps in px (the CSS of {@code styleClass} may set them in em). */
    public static FlowPane row(String styleClass, double hgap, Node... nodes) {
        FlowPane p = new FlowPane(hgap, 0, nodes);
        p.getStyleClass().add(styleClass);
        p.setMinWidth(0);
        for (Node n : nodes) {
            if (n instanceof Labeled l) {
                fit(p, l);
            }
        }
        return p;
    }

    /** Lets {@code l} wrap within {@code p}'s width rather than be cut or reach past it. */
    public static void fit(FlowPane p, Labeled l) {
        l.setWrapText(true);
        // One character: JavaFX cuts a wrapping label whose text is narrower than its ellipsis ("..." by default).
        l.setEllipsisString("…");
        l.setMinWidth(0);
        l.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, p.getWidth() - p.getInsets().getLeft() - p.getInsets().getRight()),
                p.widthProperty(), p.insetsProperty()));
        // A flow asks its children's heights without a width: a label wider than the row is as tall as its lines.
        l.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double room = l.getMaxWidth();
            return room > 0 && l.prefWidth(-1) > room ? l.prefHeight(room) : Region.USE_COMPUTED_SIZE;
        }, l.maxWidthProperty(), l.textProperty(), l.fontProperty(), l.graphicProperty()));
    }
}
