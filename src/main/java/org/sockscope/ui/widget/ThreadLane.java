package org.sockscope.ui.widget;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.EnumMap;
import java.util.Map;

/**
 * One actor's thread: idle, running a call, blocked (with the kernel's syscall and wait channel and
 * a running clock), returned (value or -1 with errno), or cancelled. The state is a pseudo-class
 * ({@code :blocked}, {@code :failed}, …) and a word with a glyph, never colour alone.
 */
public final class ThreadLane extends Control {
    /** The style class of every ThreadLane. */
    public static final String DEFAULT_STYLE_CLASS = "thread-lane";
    private static final Map<LaneState.Status, PseudoClass> STATES = new EnumMap<>(LaneState.Status.class);

    static {
        for (LaneState.Status s : LaneState.Status.values()) {
            STATES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private final ObjectProperty<LaneState> state = new SimpleObjectProperty<>(this, "state", LaneState.idle(""));
    private final LongProperty nowNanos = new SimpleLongProperty(this, "nowNanos");

    /** A lane showing {@code actor} idle. */
    public ThreadLane(String actor) {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        state.set(LaneState.idle(actor));
        state.addListener((o, a, b) -> applyPseudoClass());
        applyPseudoClass();
        setFocusTraversable(false);
    }

    private void applyPseudoClass() {
        LaneState.Status now = getState().status();
        STATES.forEach((s, pc) -> pseudoClassStateChanged(pc, s == now));
    }

    /** What the lane shows. */
    public final ObjectProperty<LaneState> stateProperty() {
        return state;
    }

    public final LaneState getState() {
        return state.get();
    }

    public final void setState(LaneState s) {
        state.set(s);
    }

    /** The trace clock now (nanoseconds), for the running clock while blocked. */
    public final LongProperty nowNanosProperty() {
        return nowNanos;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ThreadLaneSkin(this);
    }

    /** Its text wraps on a narrow screen: a parent must ask its height for the width it gives. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
