package org.sockscope.ui.widget;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.List;

/**
 * One kernel socket buffer drawn to scale, like the lecture's "Send buffer / Receive buffer" box:
 * the track is the kernel's capacity, the fill is the bytes queued, coloured, patterned and
 * lettered by the send() that wrote them; the send side splits "not sent" from "sent, awaiting
 * ACK". The drawing glides toward each new reading at frame rate; the printed figures are exact.
 */
public final class BufferView extends Control {
    /** The style class of every BufferView. */
    public static final String DEFAULT_STYLE_CLASS = "buffer-view";

    private final ObjectProperty<BufferContent> content;
    private final StringProperty title = new SimpleStringProperty(this, "title", "Buffer");
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(this, "settled", true);
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final BufferAnimator animator = new BufferAnimator();
    private BufferContent previous;
    private final AnimationTimer timer = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            long dt = last < 0 ? 16_666_667L : now - last;
            last = now;
            boolean done = animator.step(dt);
            frame.set(frame.get() + 1);
            if (done) {
                last = -1;
                previous = null;
                stop();
                settled.set(true);
            }
        }
    };

    /** An empty buffer of {@code role}. */
    public BufferView(BufferContent.Role role) {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getStyleClass().add(role == BufferContent.Role.SEND ? "send-buffer" : "receive-buffer");
        BufferContent initial = BufferContent.empty(role);
        content = new SimpleObjectProperty<>(this, "content", initial);
        animator.retarget(initial.spans(), initial.capacity());
        content.addListener((obs, old, now) -> {
            BufferContent next = now == null ? BufferContent.empty(role) : now;
            previous = old;
            animator.retarget(next.spans(), next.capacity());
            if (animator.settled()) {
                previous = null;
                frame.set(frame.get() + 1);
            } else {
                settled.set(false);
                timer.start();
            }
        });
        sceneProperty().addListener((obs, o, n) -> {
            if (n == null) {
                timer.stop();
            } else if (!animator.settled()) {
                timer.start();
            }
        });
    }

    /** What the buffer holds (the target the drawing moves toward). */
    public final ObjectProperty<BufferContent> contentProperty() {
        return content;
    }

    public final BufferContent getContent() {
        return content.get();
    }

    public final void setContent(BufferContent c) {
        content.set(c);
    }

    /** The heading ({@code Send buffer}). */
    public final StringProperty titleProperty() {
        return title;
    }

    public final void setTitle(String t) {
        title.set(t);
    }

    /** True when the drawing shows exactly the current content (no animation in progress). */
    public final ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    /** Incremented on every animation step (the skin redraws on it). */
    public final ReadOnlyLongProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The bytes of {@code kind} as currently drawn (animated; equals the content once settled). */
    public double displayedBytes(BufferContent.Kind kind) {
        List<BufferContent.Span> spans = getContent().spans();
        double n = 0;
        for (int i = 0; i < spans.size() && i + 1 < animator.size(); i++) {
            if (spans.get(i).kind() == kind) {
                n += animator.shown(i + 1) - animator.shown(i);
            }
        }
        return n;
    }

    /** The drawn span boundaries as stream positions (boundary 0 is the buffer's head). */
    double[] shownBoundaries() {
        return animator.shownCopy();
    }

    /** The content before the latest change while the drawing still moves away from it, else null. */
    BufferContent previousContent() {
        return previous;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new BufferViewSkin(this);
    }

    /** Its text wraps on a narrow screen: a parent must ask its height for the width it gives. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
