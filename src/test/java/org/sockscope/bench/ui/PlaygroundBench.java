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

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (not a test): the playground window while one connection streams at full speed. P1
 * loops send(4096), P2 loops recv(4096), each call queued as soon as the previous one returned,
 * for {@code --seconds} (default 10). Measures, over that time, the interval between frames
 * (AnimationTimer pulses) and the time from each call's return (its trace timestamp) to the
 * first frame that shows it (the post-layout pulse listener of that frame, just before it is
 * rendered). Headless on Monocle by default; {@code --window} uses the real toolkit (run it
 * under {@code xvfb-run -a}). See docs/benchmarks-ui.md for the command and results.
 */
public final class PlaygroundBench {
    private static double seconds = 10;
    private static String platform = "Monocle headless";

    private PlaygroundBench() {
    }

    /** {@code [--seconds N] [--window]}. */
    public static void main(String[] args) {
        boolean window = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--window" -> window = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!window) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        } else {
            platform = "real toolkit, DISPLAY=" + System.getenv("DISPLAY");
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((long) (seconds * 1000) + 30_000);
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
    private final long[] frameIntervals = new long[100_000];
    private final long[] latencies = new long[4_000_000];
    private final long[] perFrame = new long[100_000];
    private final long[] refreshNanos = new long[100_000];
    private final long[] fxWork = new long[100_000];
    private long timerAt;
    private int frames;
    private int lat;
    private final AtomicBoolean streaming = new AtomicBoolean();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private long startNanos;
    private long lastPulse = -1;
    private long foldedEvents;
    private PlaygroundViewModel vm;
    private Lab lab;


    @Override
    public void start(Stage stage) {
        lab = new Lab();
        vm = new PlaygroundViewModel(lab);
        PlaygroundView view = new PlaygroundView(vm);
        Scene scene = new Scene(new MainWindow(view), 1280, 720);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.setTitle("SockScope benchmark");
        stage.show();
        vm.rebuild();
        scene.addPostLayoutPulseListener(this::afterLayout);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!streaming.get()) {
                    if (vm.process(Side.CLIENT).get().fd() >= 0 && vm.process(Side.SERVER).get().fd() >= 0
                            && vm.process(Side.SERVER).get().lane().tid() > 0 && lab.actors().size() == 2) {
                        startStreaming();
                    }
                    return;
                }
                if (lastPulse >= 0 && frames < frameIntervals.length) {
                    frameIntervals[frames++] = now - lastPulse;
                }
                lastPulse = now;
                timerAt = System.nanoTime();
                if (System.nanoTime() - startNanos > seconds * 1e9) {
                    stop();
                    finish();
                }
            }
        }.start();
    }

    private void startStreaming() {
        streaming.set(true);
        startNanos = System.nanoTime();
        int cfd = vm.process(Side.CLIENT).get().fd();
        int sfd = vm.process(Side.SERVER).get().fd();
        Actor p1 = lab.actor("P1");
        Actor p2 = lab.actor("P2");
        loop(p1, () -> new Call.Send(cfd, 4096, 0));
        loop(p2, () -> new Call.Recv(sfd, 4096, 0));
    }

    private void loop(Actor actor, java.util.function.Supplier<Call> next) {
        if (!streaming.get()) {
            return;
        }
        actor.submit(next.get()).whenComplete((CallOutcome o, Throwable ex) -> {
            if (ex == null && o.ret() > 0) {
                calls.incrementAndGet();
                if (actor.name().equals("P2")) {
                    bytes.addAndGet(o.ret());
                }
                loop(actor, next);
            }
        });
    }

    /** In the frame's pulse, after layout and before rendering: everything folded is on screen. */
    private void afterLayout() {
        if (!streaming.get()) {
            return;
        }
        long now = vm.trace().now();
        int n = 0;
        for (Event e : vm.lastBatch()) {
            n++;
            if (e instanceof Event.CallReturned r && lat < latencies.length) {
                latencies[lat++] = now - r.nanos();
            }
        }
        foldedEvents += n;
        if (frames > 0 && frames <= perFrame.length) {
            perFrame[frames - 1] = n;
            refreshNanos[frames - 1] = n == 0 ? 0 : vm.lastRefreshNanos();
            fxWork[frames - 1] = System.nanoTime() - timerAt;
        }
    }

    private void finish() {
        streaming.set(false);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long[] f = Arrays.copyOf(frameIntervals, frames);
        long[] l = Arrays.copyOf(latencies, lat);
        long[] e = Arrays.copyOf(perFrame, Math.min(frames, perFrame.length));
        Arrays.sort(f);
        Arrays.sort(l);
        Arrays.sort(e);
        long[] r = Arrays.copyOf(refreshNanos, Math.min(frames, refreshNanos.length));
        long[] w = Arrays.copyOf(fxWork, Math.min(frames, fxWork.length));
        Arrays.sort(r);
        Arrays.sort(w);
        System.out.printf("%nSockScope playground benchmark: %s, JDK %s, JavaFX %s, window 1280x720, %d cores%n",
                platform, System.getProperty("java.version"), System.getProperty("javafx.runtime.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("streamed %.1f s: P1 send(4096) loop, P2 recv(4096) loop, SO_SNDBUF = SO_RCVBUF = 4096 (kernel 8192)%n", elapsed);
        System.out.printf("calls returned %d (%.0f/s), %.1f MB received, trace events %d (%.0f/s), frames %d (%.1f fps)%n%n",
                calls.get(), calls.get() / elapsed, bytes.get() / 1e6, foldedEvents, foldedEvents / elapsed, f.length + 1,
                (f.length + 1) / elapsed);
        System.out.println("| metric | samples | median | p99 | max | target |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        row("frame interval (ms)", f, 1e6, "p99 ≤ 20 ms");
        row("call return → frame showing it (ms)", l, 1e6, "p99 ≤ 17 ms");
        row("events folded per frame", e, 1, "one render per frame");
        row("view-model refresh per frame (ms)", r, 1e6, "(FX thread)");
        row("CSS + layout after the timers (ms)", w, 1e6, "(FX thread)");
        lab.close();
        Platform.exit();
    }

    private static void row(String name, long[] sorted, double unit, String target) {
        if (sorted.length == 0) {
            System.out.printf("| %s | 0 | – | – | – | %s |%n", name, target);
            return;
        }
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %s |%n", name, sorted.length, pct(sorted, 0.5) / unit,
                pct(sorted, 0.99) / unit, sorted[sorted.length - 1] / unit, target);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }
}
}
