package org.sockscope.ui.playground;

import javafx.animation.AnimationTimer;
import org.sockscope.ui.widget.LaneState;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A short lecture moment played on the playground, for screenshots: P1 sends 3000 and 2000 bytes
 * without waiting, P2 receives 200 (the lecture's r_buf), then P1 sends 20000 bytes on its
 * blocking socket: the kernel copies what fits and the thread sleeps. Steps advance on the FX
 * thread, one per frame at most, each when the previous call's outcome is on screen.
 */
final class DemoScript {
    private record Step(Side side, Consumer<PlaygroundViewModel> action, Predicate<LaneState> done) {
    }

    private DemoScript() {
    }

    /** Plays the script on {@code vm}'s connection; {@code finished} runs on the FX thread at the end. */
    static void play(PlaygroundViewModel vm, Runnable finished) {
        Predicate<LaneState> returned = l -> l.status() == LaneState.Status.RETURNED || l.status() == LaneState.Status.FAILED;
        List<Step> steps = List.of(
                new Step(Side.CLIENT, v -> v.send(Side.CLIENT, 3000, true), returned),
                new Step(Side.CLIENT, v -> v.send(Side.CLIENT, 2000, true), returned),
                new Step(Side.SERVER, v -> v.recv(Side.SERVER, 200, false), returned),
                new Step(Side.CLIENT, v -> v.send(Side.CLIENT, 20000, false), l -> l.status() == LaneState.Status.BLOCKED));
        new AnimationTimer() {
            private int next = -1;
            private long startedBefore;

            @Override
            public void handle(long now) {
                if (next == -1) {
                    boolean ready = vm.process(Side.CLIENT).get().canCall() && vm.process(Side.SERVER).get().canCall()
                            && vm.process(Side.SERVER).get().lane().tid() > 0;
                    if (ready) {
                        issue(0);
                    }
                    return;
                }
                Step s = steps.get(next);
                LaneState lane = vm.process(s.side()).get().lane();
                if (lane.startedNanos() != startedBefore && s.done().test(lane)) {
                    if (next + 1 < steps.size()) {
                        issue(next + 1);
                    } else {
                        stop();
                        finished.run();
                    }
                }
            }

            private void issue(int i) {
                next = i;
                Step s = steps.get(i);
                startedBefore = vm.process(s.side()).get().lane().startedNanos();
                s.action().accept(vm);
            }
        }.start();
    }
}
