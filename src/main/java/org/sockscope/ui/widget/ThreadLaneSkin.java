package org.sockscope.ui.widget;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws a {@link ThreadLane}: a status badge, the call, and what the kernel says about it. */
final class ThreadLaneSkin extends WrappingSkin<ThreadLane> {
    private final Label badge = new Label();
    private final Label call = new Label();
    private final Label detail = new Label();
    private final Label clock = new Label();
    private final VBox text;
    private final HBox top;
    private final HBox bottom;
    private final HBox below = new HBox();
    private final HBox row;

    ThreadLaneSkin(ThreadLane lane) {
        super(lane);
        badge.getStyleClass().add("lane-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        call.getStyleClass().addAll("lane-call", "code");
        call.setMinWidth(0);
        call.setWrapText(true); // a long call wraps: the lane shrinks, the call's text is never cut
        detail.getStyleClass().add("lane-detail");
        detail.setMinWidth(0);
        detail.setWrapText(true);
        clock.getStyleClass().add("lane-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        clock.setWrapText(true);
        // The call's time goes where it leaves the call and what the kernel said whole: beside the
        // call, else beside the detail, else on a line of its own (see layoutChildren).
        top = new HBox(10, call, spacer(), clock);
        bottom = new HBox(10, detail, spacer());
        below.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        text = new VBox(1, top, bottom);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(10, badge, text);
        row.getStyleClass().add("lane-row");
        getChildren().add(row);
        lane.stateProperty().addListener((o, a, b) -> update());
        lane.nowNanosProperty().addListener((o, a, b) -> tick());
        update();
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Slack a line must have before the clock moves there, so a clock whose width changes by a digit does not flicker. */
    private static final double HYSTERESIS = 16;

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        // The text column's width now: the row was just sized, its own children are laid out after this.
        double badgeWidth = Math.max(badge.minWidth(-1), badge.prefWidth(-1)); // as the row sizes it (CSS may set a minimum)
        double room = row.getWidth() - row.snappedLeftInset() - row.snappedRightInset() - badgeWidth - row.getSpacing();
        HBox target = below;
        for (HBox line : java.util.List.of(top, bottom)) {
            Label beside = line == top ? call : detail;
            // label, spacer, clock: two gaps
            double need = beside.prefWidth(-1) + 2 * line.getSpacing() + clock.prefWidth(-1)
                    + (clock.getParent() == line ? 0 : HYSTERESIS);
            if (need <= room) {
                target = line;
                break;
            }
        }
        if (clock.getParent() != target) {
            target.getChildren().add(clock);
            if (target == below) {
                text.getChildren().add(below);
                clock.setMinWidth(0); // alone on its line: wraps rather than reach past the column's edge
            } else {
                text.getChildren().remove(below);
                clock.setMinWidth(Region.USE_PREF_SIZE);
            }
            getSkinnable().requestLayout();
        }
    }

    private void update() {
        LaneState s = getSkinnable().getState();
        show(badge, s.badge(), false);
        Flash.setText(call, s.call().isEmpty() ? "no call yet" : s.call());
        show(detail, s.detail(), true);
        tick();
    }

    private void tick() {
        show(clock, getSkinnable().getState().clock(getSkinnable().nowNanosProperty().get()), false);
    }

    /** Shows {@code f} on {@code l} (flashing a changed text when {@code flash}) with its source tooltip. */
    private static void show(Label l, SourcedText f, boolean flash) {
        if (flash) {
            Flash.setText(l, f.text());
        } else if (!f.text().equals(l.getText())) {
            l.setText(f.text());
        }
        f.source().install(l, f.detail());
    }
}
