package org.sockscope.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * What does not fit in a window, as a lecture hall would see it: a {@link Labeled} cut with "…"
 * ({@link Labeled#isTextTruncated()}), a horizontal scroll bar, a node reaching past the window's
 * edge (or, inside something that clips, past that clip's edge sideways), or a region laid out
 * narrower than its own minimum (its content then spills or is cut), or text smaller than
 * {@link #MIN_PX} (a return value or a buffer figure smaller than {@link #FIGURE_PX}) at 100 %.
 * Only what is shown counts.
 * Call on the FX thread after a layout pass.
 */
public final class Fit {
    /** Half a pixel: layout rounds to whole pixels, a snapshot does not show less. */
    private static final double SLACK = 0.5;
    static boolean DEEP = false;

    /** The smallest text at 100 % (the issue's figure for a 1024×768 projector). */
    public static final double MIN_PX = 14;
    /** Return values and buffer figures at 100 %. */
    public static final double FIGURE_PX = 20;
    /** The style classes of labels that show a return value or a buffer's figure. */
    static final List<String> FIGURES = List.of("figure", "lane-detail", "legend-chip", "pipe-figures",
            "evidence-outcome", "evidence-figures", "evidence-later", "col-return");

    private Fit() {
    }

    /**
     * The problems of {@code scene}'s root laid out at {@code width}×{@code height} (at once, in this
     * call: a window's resize reaches the scene a pulse later), each naming the node; empty when all fits.
     */
    public static List<String> problems(Scene scene, double width, double height) {
        List<String> out = new ArrayList<>();
        Parent root = scene.getRoot();
        // Twice: a layout that moves a pane (the question below the columns) needs CSS for its new place.
        for (int pass = 0; pass < 2; pass++) {
            root.resize(width, height);
            root.applyCss();
            root.layout();
        }
        walk(root, width, height, null, true, out);
        return out;
    }

    private static void walk(Node n, double width, double height, Node clipper, boolean place, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
            out.add("horizontal scroll bar " + name(bar));
            return;
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        int before = out.size();
        if (!place) {
            // An ancestor is already out of place: its content with it, said once.
        } else if (clipper == null) {
            if (b.getMaxX() > width + SLACK || b.getMaxY() > height + SLACK) {
                out.add(String.format("%s past the window's edge: right %.0f, bottom %.0f (window %.0f×%.0f)",
                        name(n), b.getMaxX(), b.getMaxY(), width, height));
            }
        } else if (!(n instanceof ScrollBar)) {
            Bounds c = clipper.localToScene(clipper.getBoundsInLocal());
            if (b.getWidth() > 0 && (b.getMaxX() > c.getMaxX() + SLACK || b.getMinX() < c.getMinX() - SLACK)) {
                out.add(String.format("%s cut sideways by %s: %.0f–%.0f outside %.0f–%.0f",
                        name(n), name(clipper), b.getMinX(), b.getMaxX(), c.getMinX(), c.getMaxX()));
            }
        }
        boolean placed = place && (out.size() == before || DEEP);
        if (n instanceof Labeled l && l.isTextTruncated()) {
            out.add(name(l) + " truncated: \"" + l.getText() + "\" in " + Math.round(l.getWidth()) + " px");
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            double least = FIGURES.stream().anyMatch(l.getStyleClass()::contains) ? FIGURE_PX : MIN_PX;
            if (l.getFont().getSize() < least - 0.05) {
                out.add(String.format("%s text \"%s\" at %.1f px, below %.0f px", name(l), l.getText(), l.getFont().getSize(), least));
            }
        }
        // A hidden table column keeps a 0-px header (and the header's filler none at all): not a panel; nor is
        // a combo box's list, which is its popup's.
        if (n instanceof Region r && r.getWidth() + SLACK < r.minWidth(-1) && !(n instanceof ScrollPane)
                && !n.getStyleClass().contains("column-header") && !n.getStyleClass().contains("filler")
                && !popupList(n)) {
            out.add(String.format("%s squeezed to %.0f px, below its minimum %.0f", name(n), r.getWidth(), r.minWidth(-1)));
        }
        // A text field's caret and text scroll inside it by design; a combo box's list is its popup's.
        if (n instanceof Parent p && !(n instanceof javafx.scene.control.TextInputControl)
                && !popupList(n)) {
            Node next = n.getClip() != null || n.getStyleClass().contains("viewport")
                    || n.getStyleClass().contains("clipped-container") ? n : clipper;
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, width, height, next, placed, out);
            }
        }
    }

    private static boolean popupList(Node n) {
        return n instanceof javafx.scene.control.ListView && n.getParent() != null
                && n.getParent().getStyleClass().contains("combo-box");
    }

    private static String name(Node n) {
        StringBuilder s = new StringBuilder();
        for (Node a = n; a != null && s.length() < 160; a = a.getParent()) {
            String id = a.getId() != null ? "#" + a.getId()
                    : a.getStyleClass().isEmpty() ? a.getClass().getSimpleName() : "." + a.getStyleClass().getFirst();
            s.insert(0, s.isEmpty() ? id : id + " > ");
            if (a.getId() != null && a != n) {
                break;
            }
        }
        return s.toString();
    }
}
