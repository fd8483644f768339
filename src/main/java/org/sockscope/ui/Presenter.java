package org.sockscope.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The presenter's keys for a whole window: zoom (Ctrl+= / Ctrl+− / Ctrl+0, Ctrl+wheel) from one
 * root font size that every size in the CSS is in em of; F11 full screen; B or "." blanks the
 * screen as a slide show does (any key brings it back). Letter keys a scenario uses come first:
 * the scenario view consumes B when a choice is called B.
 */
public final class Presenter {
    /** The root font size at 100 %. */
    public static final double BASE_PX = 15;
    /** Zoom steps, as a browser has them. */
    static final double[] STEPS = {0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3};
    private static final KeyCombination IN = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination IN_PLUS = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination IN_ADD = new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OUT_SUB = new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RESET = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RESET_PAD = new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN);
    private final Scene scene;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final StackPane blank = new StackPane();
    private String sheet;
    private Parent shown;

    private Presenter(Scene scene) {
        this.scene = scene;
        blank.setId("blankScreen");
        blank.getStyleClass().add("blank-screen");
        Label back = new Label("Screen blanked · any key returns");
        back.getStyleClass().add("blank-hint");
        blank.getChildren().add(back);
        zoom.addListener((o, a, b) -> applyZoom());
        applyZoom();
    }

    /** Installs the presenter's keys on {@code scene} (shown in {@code stage}, may be null in tests). */
    public static Presenter install(Scene scene, Stage stage) {
        Presenter p = new Presenter(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (p.shown != null) { // blanked: any key returns, and does nothing else
                p.unblank();
                e.consume();
            } else if (IN.match(e) || IN_PLUS.match(e) || IN_ADD.match(e)) {
                p.step(+1);
                e.consume();
            } else if (OUT.match(e) || OUT_SUB.match(e)) {
                p.step(-1);
                e.consume();
            } else if (RESET.match(e) || RESET_PAD.match(e)) {
                p.zoom.set(1);
                e.consume();
            } else if (e.getCode() == KeyCode.F11 && stage != null) {
                stage.setFullScreen(!stage.isFullScreen());
                e.consume();
            }
        });
        // A handler, not a filter: a view that uses B (a scenario's choice B) consumes it first.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean plain = !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
            if (plain && (e.getCode() == KeyCode.B || e.getCode() == KeyCode.PERIOD)
                    && !(e.getTarget() instanceof TextInputControl)) {
                p.blank();
                e.consume();
            }
        });
        scene.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                p.step(e.getDeltaY() > 0 ? +1 : -1);
                e.consume();
            }
        });
        return p;
    }

    /** The zoom factor (0.75 … 3): the root font is {@link #BASE_PX} times it. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Whether the screen is blanked. */
    public boolean blanked() {
        return shown != null;
    }

    /** Zooms one step in (+1) or out (−1), within 75 %–300 %. */
    public void step(int direction) {
        double z = zoom.get();
        double next = z;
        for (double s : STEPS) {
            if (direction > 0 && s > z + 1e-9) {
                next = s;
                break;
            }
            if (direction < 0 && s < z - 1e-9) {
                next = s;
            }
        }
        zoom.set(next);
    }

    /** Blanks the screen (the window's content is kept, only hidden). */
    public void blank() {
        if (shown == null) {
            shown = scene.getRoot();
            scene.setRoot(blank);
        }
    }

    /** Shows the window's content again. */
    public void unblank() {
        if (shown != null) {
            scene.setRoot(shown);
            shown = null;
        }
    }

    private void applyZoom() {
        double z = Math.clamp(zoom.get(), STEPS[0], STEPS[STEPS.length - 1]);
        if (z != zoom.get()) {
            zoom.set(z);
            return;
        }
        // One stylesheet with one rule: the root font; every other size is in em of it.
        String css = String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }", BASE_PX * z);
        String next = "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
        if (sheet != null) {
            scene.getStylesheets().remove(sheet);
        }
        scene.getStylesheets().add(next);
        sheet = next;
    }
}
