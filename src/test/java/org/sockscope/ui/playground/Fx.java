package org.sockscope.ui.playground;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Test helpers: read on the FX thread, bounded waits, PNG snapshots. */
public final class Fx {
    private Fx() {
    }

    /** {@code c} evaluated on the FX thread. */
    public static <T> T on(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void run(Runnable r) {
        on(() -> {
            r.run();
            return null;
        });
    }

    /** Waits up to {@code seconds} for {@code condition} (evaluated on the FX thread); fails with {@code what}. */
    public static void await(double seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, () -> on(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
    }

    /** Renders {@code node} to a PNG at {@code file} (works on Monocle). */
    public static Path snapshot(Node node, Path file) throws IOException {
        WritableImage img = on(() -> node.snapshot(null, null));
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
