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
        badge.setText(switch (s.status()) {
            case IDLE -> "○ idle";
            case RUNNING -> "▶ running";
            case BLOCKED -> "‖ BLOCKED";
            case RETURNED -> "✓ returned";
            case FAILED -> "✕ failed";
            case CANCELLED -> "↯ woken";
            case STOPPED -> "■ stopped";
        });
        Source.KERNEL.install(badge, s.actor() + " is one thread" + (s.tid() > 0 ? ", kernel thread id " + s.tid()
                + " (gettid())" : "") + ". Its state comes from /proc/self/task/<tid>/ while it sleeps in a call.");
        Flash.setText(call, s.call().isEmpty() ? "no call yet" : s.call());
        String d = switch (s.status()) {
            case IDLE -> "idle: waiting for a call";
            case RUNNING -> "in the kernel, not asleep (yet)";
            case BLOCKED -> "asleep in " + s.syscall() + " · wchan " + (s.wchan().isEmpty() ? "?" : s.wchan());
            case RETURNED, FAILED -> "= " + s.result() + (s.blockedBefore() ? " · after blocking" : "");
            case CANCELLED -> "woken by " + s.cancelledBy() + (s.result().isEmpty() ? "" : " · = " + s.result());
            case STOPPED -> "thread stopped";
        };
        Flash.setText(detail, d);
        switch (s.status()) {
            case BLOCKED -> Source.KERNEL.install(detail, "/proc/self/task/" + s.tid() + "/stat (state S), …/syscall ("
                    + s.syscall() + ") and …/wchan (" + s.wchan() + "): the kernel says this thread sleeps in the call.");
            case RETURNED, FAILED, CANCELLED -> Source.SYSCALL.install(detail, "The return value (and errno) of "
                    + s.call() + (s.cancelledBy().isEmpty() ? "" : "; the lab woke it with " + s.cancelledBy()));
            default -> Source.DERIVED.install(detail, "The actor's own record of the call it is making.");
        }
        tick();
    }

    private void tick() {
        LaneState s = getSkinnable().getState();
        String text;
        if (s.inCall()) {
            long elapsed = Math.max(0, getSkinnable().nowNanosProperty().get() - s.startedNanos());
            text = "for " + LaneState.formatDuration(elapsed);
            Source.DERIVED.install(clock, "Time since the call started (SockScope's trace clock), running while it lasts.");
        } else if (s.status() == LaneState.Status.IDLE || s.status() == LaneState.Status.STOPPED) {
            text = "";
        } else {
            text = "took " + LaneState.formatDuration(s.durationNanos());
            Source.SYSCALL.install(clock, "Wall time from entering the call to its return, measured around the system call.");
        }
        if (!text.equals(clock.getText())) {
            clock.setText(text);
        }
    }
}
