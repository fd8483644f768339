package org.sockscope.ui.replay;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import org.sockscope.trace.Event;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Trace;
import org.sockscope.ui.playground.PlaygroundViewModel;

import java.util.List;
import java.util.Locale;

/**
 * A replay's one view-model: the recording, the moment shown, and the playground view-model that
 * draws it. That view-model folds a trace fed with the recorded events up to the moment, exactly as
 * a live one folds the lab's: stepping on appends the next events; stepping back starts a fresh
 * trace and folds up to the earlier moment (the figures are the recording's either way). FX thread.
 */
public final class ReplayViewModel implements AutoCloseable {
    /** Autoplay's pace. */
    static final Duration STEP_EVERY = Duration.seconds(1.5);

    private final Recording recording;
    private final List<Event> events;
    private final long[] marks;
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", -1);
    private final ReadOnlyObjectWrapper<PlaygroundViewModel> playground = new ReadOnlyObjectWrapper<>(this, "playground");
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(this, "positionText", "");
    private final BooleanProperty autoplay = new SimpleBooleanProperty(this, "autoplay");
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
    private final Timeline timer = new Timeline(new KeyFrame(STEP_EVERY, e -> autoStep()));
    private Trace shown;

    /** A replay of {@code recording}, showing its first moment. */
    public ReplayViewModel(Recording recording) {
        this.recording = recording;
        this.events = recording.trace().events();
        // A scenario's moments are its steps, as the run marked them; a playground's, its calls.
        List<Long> steps = recording.scenario() ? recording.header().stepEnds() : List.of();
        this.marks = steps.isEmpty() ? Moments.of(events) : steps.stream().mapToLong(i -> Math.min(i, events.size() - 1L)).toArray();
        timer.setCycleCount(Timeline.INDEFINITE);
        autoplay.addListener((o, was, on) -> {
            if (on && atEnd()) {
                seek(0);
            }
            if (on) {
                timer.playFromStart();
            } else {
                timer.stop();
            }
        });
        seek(0);
    }

    private void autoStep() {
        next();
        if (atEnd()) {
            autoplay.set(false);
        }
    }

    /** Shows the next moment. */
    public void next() {
        seek(position.get() + 1);
    }

    /** Shows the previous moment (folded afresh from the recording's start). */
    public void previous() {
        seek(position.get() - 1);
    }

    /** The first moment. */
    public void toStart() {
        seek(0);
    }

    /** The end of the recording. */
    public void toEnd() {
        seek(marks.length - 1);
    }

    /** Shows moment {@code k} (clamped to the recording). */
    public void seek(int k) {
        int to = Math.clamp(k, 0, marks.length - 1);
        long last = marks[to];
        if (shown == null || last < shown.size() - 1) {
            PlaygroundViewModel old = playground.get();
            shown = new Trace(Math.max(Trace.DEFAULT_CAPACITY, events.size()));
            feed(last);
            playground.set(PlaygroundViewModel.replaying(shown, recording.header()));
            if (old != null) {
                old.close(50);
            }
        } else {
            feed(last);
        }
        position.set(to);
        long nanos = last < 0 ? 0 : events.get((int) last).nanos();
        String moment = stepped() ? (to == 0 ? "Set up" : "Step " + to + " of " + (marks.length - 1))
                : "Moment " + (to + 1) + " of " + marks.length;
        positionText.set(String.format(Locale.ROOT, "%s · %d of %d events · %.3f s into the run",
                moment, last + 1, events.size(), nanos / 1e9));
    }

    private void feed(long last) {
        for (long i = shown.size(); i <= last; i++) {
            shown.append(events.get((int) i));
        }
    }

    /** True when the moments are a scenario's steps (moment 0 is its set-up, moment k the end of step k). */
    public boolean stepped() {
        return recording.scenario() && !recording.header().stepEnds().isEmpty();
    }

    /** True when the last moment is shown. */
    public boolean atEnd() {
        return position.get() == marks.length - 1;
    }

    /** Stops autoplay and the playground view-model's background work. */
    @Override
    public void close() {
        autoplay.set(false);
        timer.stop();
        if (playground.get() != null) {
            playground.get().close(50);
        }
    }

    /** The recording replayed. */
    public Recording recording() {
        return recording;
    }

    /** Its header. */
    public RecordingHeader header() {
        return recording.header();
    }

    /** How many moments the recording has. */
    public int moments() {
        return marks.length;
    }

    /** The index of the last recorded event moment {@code k} includes (-1: none). */
    public long lastEventOf(int k) {
        return marks[k];
    }

    /** The moment shown, from 0. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** {@code Moment 3 of 41 · 120 of 900 events · 1.234 s into the run}. */
    public ReadOnlyStringProperty positionTextProperty() {
        return positionText.getReadOnlyProperty();
    }

    /** The playground view-model drawing the moment shown (a new one after a step back). */
    public ReadOnlyObjectProperty<PlaygroundViewModel> playgroundProperty() {
        return playground.getReadOnlyProperty();
    }

    /** Autoplay on or off (one moment every {@link #STEP_EVERY}; it stops at the end). */
    public BooleanProperty autoplayProperty() {
        return autoplay;
    }

    /** Whether a scenario recording's answer, as decided when it was saved, is shown (the class predicts first). */
    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** {@code REPLAY · recorded on Linux 6.18.0-… (amd64, 2 CPUs), 2026-12-04T01:23:45Z}. */
    public String badgeText() {
        return recording.badgeText();
    }

    /** What the badge's tooltip says: nothing runs now, and where every figure comes from. */
    public String badgeDetail() {
        return recording.badgeDetail();
    }
}
