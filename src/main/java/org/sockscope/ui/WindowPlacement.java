package org.sockscope.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Where the main window opens: where it was last (size, position, maximized), if that is still on
 * a screen; otherwise maximized on the screen the pointer is on (the primary one when unknown).
 * Remembered in {@link Preferences} when the window closes.
 */
public final class WindowPlacement {
    /** The last window's place, as stored. */
    public record Place(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences prefs;

    /** Placement remembered in {@code prefs}. */
    public WindowPlacement(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's own node for the app (java.util.prefs: ~/.java/.userPrefs on Linux). */
    public static WindowPlacement forUser() {
        return new WindowPlacement(Preferences.userNodeForPackage(WindowPlacement.class).node("window"));
    }

    /** The place last saved, if any. */
    public Optional<Place> saved() {
        double w = prefs.getDouble("width", -1);
        double h = prefs.getDouble("height", -1);
        if (w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Place(prefs.getDouble("x", 0), prefs.getDouble("y", 0), w, h,
                prefs.getBoolean("maximized", true)));
    }

    /** Stores {@code p}. */
    public void save(Place p) {
        prefs.putDouble("x", p.x());
        prefs.putDouble("y", p.y());
        prefs.putDouble("width", p.width());
        prefs.putDouble("height", p.height());
        prefs.putBoolean("maximized", p.maximized());
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // Not remembered this time: the next start opens maximized, which is the default anyway.
        }
    }

    /**
     * Where to open among {@code screens} (their visual bounds): {@code saved} when at least a
     * third of it lies on one screen and it fits there (clamped into that screen); a saved place
     * off every screen (a projector unplugged since) maximized on {@code primary}; with nothing
     * saved (the first start) maximized on {@code current}, the screen the pointer is on.
     */
    public static Place choose(Optional<Place> saved, List<Rectangle2D> screens, Rectangle2D current, Rectangle2D primary) {
        if (saved.isPresent()) {
            Place p = saved.get();
            Rectangle2D r = new Rectangle2D(p.x(), p.y(), p.width(), p.height());
            for (Rectangle2D s : screens) {
                if (overlap(r, s) >= r.getWidth() * r.getHeight() / 3) {
                    double w = Math.min(p.width(), s.getWidth());
                    double h = Math.min(p.height(), s.getHeight());
                    double x = Math.clamp(p.x(), s.getMinX(), s.getMaxX() - w);
                    double y = Math.clamp(p.y(), s.getMinY(), s.getMaxY() - h);
                    return new Place(x, y, w, h, p.maximized());
                }
            }
            return maximized(primary);
        }
        return maximized(current);
    }

    private static Place maximized(Rectangle2D s) {
        return new Place(s.getMinX(), s.getMinY(), s.getWidth(), s.getHeight(), true);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Places {@code stage} (before it is shown) and saves its place whenever it closes. */
    public void apply(Stage stage) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Place p = choose(saved(), screens, pointerScreen().getVisualBounds(), Screen.getPrimary().getVisualBounds());
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
        // A maximized window's own bounds are the screen's: keep the last normal ones, for un-maximizing next time.
        Place[] normal = {saved().filter(s -> !s.maximized() || s.width() < p.width() || s.height() < p.height()).orElse(p)};
        javafx.beans.InvalidationListener track = o -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()) {
                normal[0] = new Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        for (var v : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            v.addListener(track);
        }
        stage.setOnHidden(e -> {
            Place last = normal[0];
            boolean max = stage.isMaximized() || stage.isFullScreen();
            save(max ? new Place(last.x(), last.y(), last.width(), last.height(), true)
                    : new Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        });
    }

    private static Screen pointerScreen() {
        try {
            javafx.scene.robot.Robot robot = new javafx.scene.robot.Robot();
            var at = robot.getMousePosition();
            return Screen.getScreensForRectangle(at.getX(), at.getY(), 1, 1).stream().findFirst().orElse(Screen.getPrimary());
        } catch (RuntimeException e) { // no pointer (a headless platform)
            return Screen.getPrimary();
        }
    }
}
