package org.sockscope.ui;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.sockscope.ui.playground.Fx;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screenshot tests' PNGs: the window as shown, checked to be written whole and not blank. */
public final class Screenshots {
    private Screenshots() {
    }

    /**
     * Renders {@code scene} (the window's contents, cut at its edges as on screen) to {@code file},
     * reads the PNG back and checks it is {@code width}×{@code height} with a drawing on it.
     */
    public static Path window(Scene scene, Path file, int width, int height) throws IOException {
        WritableImage img = Fx.on(() -> scene.snapshot(null));
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
        assertWritten(file, width, height);
        return file;
    }

    /** Reads {@code png} back and checks it is {@code width}×{@code height} and not blank. */
    public static BufferedImage assertWritten(Path png, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " written");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is a PNG");
        assertEquals(width + "×" + height, img.getWidth() + "×" + img.getHeight(), png + ": the window's size");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        // A blank or failed snapshot has one or two colours; the app's text and buffers give hundreds.
        assertTrue(colours.size() > 50, png + ": only " + colours.size() + " colours, nothing drawn");
        return img;
    }
}
