package org.sockscope.ui.scenario;

import org.sockscope.kernel.Figure;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sockscope.ui.widget.Source;

/**
 * A pipe like the lecture's "OS kernel" box between P1 and P2: its buffer drawn to scale
 * (capacity is the full width), with the kernel's figures in words. {@code :full} adds a word,
 * not just a colour.
 */
final class PipeCard extends VBox {
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    private final Label title = new Label();
    private final Label figures = new Label();
    private final Region fill = new Region();
    private final Pane track = new Pane(fill) {
        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double share = state == null || state.capacity() <= 0 || state.queued() < 0 ? 0
                    : Math.min(1, (double) state.queued() / state.capacity());
            fill.resizeRelocate(in.getLeft(), in.getTop(), w * share, getHeight() - in.getTop() - in.getBottom());
        }
    };
    private ColumnState.PipeState state;

    PipeCard() {
        getStyleClass().add("pipe-card");
        title.getStyleClass().add("card-title");
        figures.getStyleClass().add("pipe-figures");
        track.getStyleClass().add("pipe-track");
        fill.getStyleClass().add("pipe-fill");
        fill.setManaged(false);
        getChildren().addAll(new HBox(8, title), track, figures);
    }

    void show(ColumnState.PipeState p) {
        if (p.equals(state)) {
            return;
        }
        state = p;
        title.setText("pipe " + p.name() + " · " + (p.writer() ? "write end " : "read end ") + p.fd()
                + " (other end: " + p.otherEnd() + ")");
        boolean full = p.capacity() > 0 && p.queued() >= p.capacity();
        figures.setText("holds " + Figure.text(p.queued()) + " of " + Figure.bytes(p.capacity())
                + (full ? " — FULL" : p.queued() == 0 ? " — empty" : ""));
        pseudoClassStateChanged(FULL, full);
        Source.KERNEL.install(figures, "ioctl(" + p.fd() + ", FIONREAD): bytes waiting to be read; fcntl("
                + p.fd() + ", F_GETPIPE_SZ): the pipe's capacity (either end reads the one pipe's buffer). Read by the"
                + " sampler of a process holding the pipe, at its rate and right after each call." + (full ? "\nFULL (derived): bytes waiting ≥ capacity." : ""));
        track.requestLayout();
    }
}
