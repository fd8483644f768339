package org.sockscope.bench.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Event;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.playground.PlaygroundView;
import org.sockscope.ui.playground.PlaygroundViewModel;
import org.sockscope.ui.playground.Side;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Benchmark (not a test): the playground window while one connection streams at full speed. P1
 * loops send(4096), P2 loops recv(4096), each call queued as soon as the previous one returned.
 * After {@code --warmup} seconds (default 3, JIT warm-up, not measured) it measures for
 * {@code --seconds} (default 10): the interval between frames (AnimationTimer pulses) and the
 * time from each call's return (its trace timestamp) to the first frame that shows it (that
 * frame's post-layout pulse listener, just before it is rendered). Also: the view-model's share
 * of each frame, CSS + layout, and which long frames overlapped a garbage-collection pause.
 * Headless on Monocle by default; {@code --window} uses the real toolkit (run it under
 * {@code xvfb-run -a}). See docs/benchmarks-ui.md for the command and results.
 */
public final class PlaygroundBench {
    private static double seconds = 10;
    private static double warmup = 3;
    private static String platform = "Monocle headless";
    private static boolean engineOnly;
    private static int rate;

    private PlaygroundBench() {
    }

    /**
     * {@code [--seconds N] [--warmup N] [--window] [--engine-only] [--rate N]}. {@code --engine-only}
     * is the control: the same stream with an empty window (no playground), to see what the engine
     * alone costs (GC pauses, CPU). {@code --rate N} paces each actor to about N calls a second
     * instead of full speed.
     */
    public static void main(String[] args) {
        boolean window = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--window" -> window = true;
                case "--engine-only" -> engineOnly = true;
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!window) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        } else {
            platform = "real toolkit (GTK), DISPLAY=" + System.getenv("DISPLAY");
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((long) ((seconds + warmup) * 1000) + 30_000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("benchmark watchdog: giving up");
            Runtime.getRuntime().halt(2);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Application.launch(Run.class);
        System.exit(0);
    }

    /** The measured app (a nested class: a main class extending Application needs JavaFX as modules). */
    public static final class Run extends Application {
        private final Samples frameIntervals = new Samples(100_000);
        private final Samples latencies = new Samples(8_000_000);
        private final Samples perFrame = new Samples(100_000);
        private final Samples refresh = new Samples(100_000);
        private final Samples cssLayout = new Samples(100_000);
        private final Samples cleanIntervals = new Samples(100_000);
        private final GcPauses gc = new GcPauses();
        private final AtomicBoolean streaming = new AtomicBoolean();
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private volatile boolean measuring;
        private long streamStart;
        private long measureStart;
        private long callsAtStart;
        private long bytesAtStart;
        private long lastPulse = -1;
        private long timerAt;
        private long foldedEvents;
        private PlaygroundViewModel vm;
        private Lab lab;

        @Override
        public void start(Stage stage) {
            lab = new Lab();
            vm = new PlaygroundViewModel(lab);
            Scene scene = new Scene(engineOnly ? new javafx.scene.layout.Pane() : new MainWindow(new PlaygroundView(vm)), 1280, 720);
            scene.getStylesheets().add(MainWindow.stylesheet());
            stage.setScene(scene);
            stage.setTitle("SockScope benchmark");
            stage.show();
            vm.rebuild();
            scene.addPostLayoutPulseListener(this::afterLayout);
            if (engineOnly) {
                new AnimationTimer() { // the view-model still folds the trace; nothing draws it
                    @Override
                    public void handle(long now) {
                        vm.refresh();
                    }
                }.start();
            }
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    tick(now, this);
                }
            }.start();
        }

        private void tick(long now, AnimationTimer timer) {
            if (!streaming.get()) {
                if (vm.process(Side.CLIENT).get().fd() >= 0 && vm.process(Side.SERVER).get().fd() >= 0
                        && vm.process(Side.SERVER).get().lane().tid() > 0 && lab.actors().size() == 2) {
                    startStreaming();
                }
                return;
            }
            long t = System.nanoTime();
            if (!measuring && t - streamStart >= warmup * 1e9) {
                measuring = true;
                measureStart = t;
                callsAtStart = calls.get();
                bytesAtStart = bytes.get();
                lastPulse = -1;
            }
            if (measuring) {
                if (lastPulse >= 0) {
                    frameIntervals.add(now - lastPulse);
                    if (!gc.overlaps(lastPulse, now)) {
                        cleanIntervals.add(now - lastPulse);
                    }
                }
                lastPulse = now;
                timerAt = t;
                if (t - measureStart > seconds * 1e9) {
                    timer.stop();
                    finish();
                }
            }
        }

        private void startStreaming() {
            streaming.set(true);
            streamStart = System.nanoTime();
            int cfd = vm.process(Side.CLIENT).get().fd();
            int sfd = vm.process(Side.SERVER).get().fd();
            loop(lab.actor("P1"), () -> new Call.Send(cfd, 4096, 0));
            loop(lab.actor("P2"), () -> new Call.Recv(sfd, 4096, 0));
        }

        private void loop(Actor actor, Supplier<Call> next) {
            if (!streaming.get()) {
                return;
            }
            actor.submit(next.get()).whenComplete((CallOutcome o, Throwable ex) -> {
                if (ex == null && o.ret() > 0) {
                    calls.incrementAndGet();
                    if (actor.name().equals("P2")) {
                        bytes.addAndGet(o.ret());
                    }
                    if (rate > 0) {
                        PACER.schedule(() -> loop(actor, next), 1_000_000L / rate, java.util.concurrent.TimeUnit.MICROSECONDS);
                    } else {
                        loop(actor, next);
                    }
                }
            });
        }

        private static final java.util.concurrent.ScheduledExecutorService PACER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-pacer");
                    t.setDaemon(true);
                    return t;
                });

        /** In the frame's pulse, after layout and before rendering: everything folded is on screen. */
        private void afterLayout() {
            if (!measuring || lastPulse < 0) {
                return;
            }
            long now = vm.trace().now();
            int n = 0;
            for (Event e : vm.lastBatch()) {
                n++;
                if (e instanceof Event.CallReturned r) {
                    latencies.add(now - r.nanos());
                }
            }
            foldedEvents += n;
            perFrame.add(n);
            refresh.add(n == 0 ? 0 : vm.lastRefreshNanos());
            cssLayout.add(System.nanoTime() - timerAt);
        }

        private void finish() {
            streaming.set(false);
            measuring = false;
            double elapsed = (System.nanoTime() - measureStart) / 1e9;
            long c = calls.get() - callsAtStart;
            String load;
            try {
                load = Files.readString(Path.of("/proc/loadavg")).trim();
            } catch (java.io.IOException ex) {
                load = "?";
            }
            System.out.printf("%nSockScope playground benchmark%s: %s, JDK %s, JavaFX %s, window 1280x720, %d cores%n",
                    engineOnly ? " (CONTROL: engine and view-model only, empty window)" : "", platform,
                    System.getProperty("java.version"), System.getProperty("javafx.runtime.version"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("machine load average at the end (1/5/15 min): %s%n", load);
            System.out.printf("streamed %.1f s after %.0f s warm-up: P1 send(4096) loop, P2 recv(4096) loop (%s),"
                    + " SO_SNDBUF = SO_RCVBUF = 4096 (kernel 8192)%n", elapsed, warmup,
                    rate > 0 ? "paced: one call per actor every " + 1_000_000 / rate + " µs" : "full speed");
            System.out.printf("calls returned %d (%.0f/s), %.1f MB received, trace events %d (%.0f/s), frames %d (%.1f fps)%n",
                    c, c / elapsed, (bytes.get() - bytesAtStart) / 1e6, foldedEvents, foldedEvents / elapsed,
                    frameIntervals.size() + 1, (frameIntervals.size() + 1) / elapsed);
            System.out.printf("GC pauses while measuring: %d, total %.0f ms, longest %.0f ms (%s)%n%n",
                    gc.count(), gc.totalMillis(), gc.maxMillis(), gc.collectors());
            System.out.println("| metric | samples | median | p99 | max | target |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            frameIntervals.row("frame interval (ms)", 1e6, "p99 ≤ 20 ms");
            latencies.row("call return → frame showing it (ms)", 1e6, "p99 ≤ 17 ms");
            cleanIntervals.row("frame interval, frames without a GC pause (ms)", 1e6, "diagnostic");
            perFrame.row("events folded per frame", 1, "one render per frame");
            refresh.row("view-model refresh per frame (ms)", 1e6, "FX thread");
            cssLayout.row("refresh + CSS + layout per frame (ms)", 1e6, "FX thread");
            gc.close();
            lab.close();
            Platform.exit();
        }
    }
}
