package org.sockscope.ui.scenario;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

/**
 * Steps on its own at the chosen pace with a {@link Timeline} (nothing sleeps). A tick while a
 * step is still in flight is skipped; it pauses before the question's step so the class can
 * predict, and at the end.
 */
final class Autoplay {
    private final ScenarioViewModel vm;
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private Timeline timeline;

    Autoplay(ScenarioViewModel vm) {
        this.vm = vm;
        running.addListener((o, was, on) -> {
            if (on) {
                play();
                tick(); // the first step at once, then one per period
            } else if (timeline != null) {
                timeline.stop();
            }
        });
        vm.secondsPerStepProperty().addListener((o, a, b) -> {
            if (running.get()) {
                play();
            }
        });
    }

    private void play() {
        if (timeline != null) {
            timeline.stop();
        }
        double seconds = Math.clamp(vm.secondsPerStepProperty().get(), 0.25, 30);
        timeline = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    /** One beat: skipped while a step is in flight; pauses before the question's step and at the end. */
    private void tick() {
        if (vm.busyProperty().get() || !vm.readyProperty().get()) {
            return;
        }
        boolean live = !vm.reviewingProperty().get();
        if (live && vm.predictNowProperty().get()) {
            stop();
            vm.say("Autoplay paused before the question's step: predict (A–E), then Reveal.");
        } else if (live && vm.atLastStep()) {
            stop();
        } else {
            vm.next();
        }
    }

    /** Stops autoplay (a no-op when off). */
    void stop() {
        running.set(false);
    }

    BooleanProperty runningProperty() {
        return running;
    }
}
