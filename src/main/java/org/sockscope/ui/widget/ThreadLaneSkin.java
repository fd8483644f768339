package org.sockscope.ui.widget;

import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws a {@link ThreadLane}: a status badge, the call, and what the kernel says about it. */
final class ThreadLaneSkin extends SkinBase<ThreadLane> {
    private final Label badge = new Label();
    private final Label call = new Label();
    private final Label detail = new Label();
    private final Label clock = new Label();

    ThreadLaneSkin(ThreadLane lane) {
        super(lane);
        badge.getStyleClass().add("lane-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        call.getStyleClass().addAll("lane-call", "code");
        call.setMinWidth(0);
        detail.getStyleClass().add("lane-detail");
        detail.setMinWidth(0);
        clock.getStyleClass().add("lane-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, call, spacer, clock);
        HBox bottom = new HBox(10, detail);
        VBox text = new VBox(1, top, bottom);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, badge, text);
        row.getStyleClass().add("lane-row");
        getChildren().add(row);
        lane.stateProperty().addListener((o, a, b) -> update());
        lane.nowNanosProperty().addListener((o, a, b) -> tick());
        update();
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
    private static void show(Label l, Figure f, boolean flash) {
        if (flash) {
            Flash.setText(l, f.text());
        } else if (!f.text().equals(l.getText())) {
            l.setText(f.text());
        }
        f.source().install(l, f.detail());
    }
}
