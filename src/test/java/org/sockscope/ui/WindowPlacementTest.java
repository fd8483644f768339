package org.sockscope.ui;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window opens maximized on the current screen, or where it was last if that is still on a screen. */
class WindowPlacementTest {
    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1024, 768);
    private static final Rectangle2D LAPTOP = new Rectangle2D(1024, 0, 1920, 1080);

    @Test
    void firstStartIsMaximizedOnTheCurrentScreen() {
        assertEquals(new WindowPlacement.Place(1024, 0, 1920, 1080, true),
                WindowPlacement.choose(Optional.empty(), List.of(PROJECTOR, LAPTOP), LAPTOP, PROJECTOR));
    }

    @Test
    void aPlaceOffEveryScreenIsNotReused() {
        // The window at x = −129, 1280×720, on a 1024×768 display that is gone now.
        var gone = Optional.of(new WindowPlacement.Place(-3000, 0, 1280, 720, false));
        assertEquals(new WindowPlacement.Place(0, 0, 1024, 768, true),
                WindowPlacement.choose(gone, List.of(PROJECTOR), PROJECTOR, PROJECTOR));
    }

    @Test
    void aPlaceOffEveryScreenFallsBackToThePrimaryScreenMaximized() {
        // Last time on a screen left of the projector; now the pointer is on the laptop, the projector is primary.
        var gone = Optional.of(new WindowPlacement.Place(-2500, 100, 1280, 720, false));
        assertEquals(new WindowPlacement.Place(0, 0, 1024, 768, true),
                WindowPlacement.choose(gone, List.of(PROJECTOR, LAPTOP), LAPTOP, PROJECTOR));
    }

    @Test
    void aPlacePartlyOffItsScreenIsPulledInAndShrunkToFit() {
        var last = Optional.of(new WindowPlacement.Place(-129, 24, 1280, 720, false));
        assertEquals(new WindowPlacement.Place(0, 24, 1024, 720, false),
                WindowPlacement.choose(last, List.of(PROJECTOR), PROJECTOR, PROJECTOR));
    }

    @Test
    void theLastPlaceSurvivesARestart() throws Exception {
        Preferences node = Preferences.userRoot().node("org/sockscope/test-" + ProcessHandle.current().pid());
        try {
            new WindowPlacement(node).save(new WindowPlacement.Place(1100, 40, 900, 700, false));
            var again = new WindowPlacement(node).saved(); // a new instance, as at the next start
            assertEquals(Optional.of(new WindowPlacement.Place(1100, 40, 900, 700, false)), again);
            assertEquals(again.get(), WindowPlacement.choose(again, List.of(PROJECTOR, LAPTOP), PROJECTOR, PROJECTOR));
        } finally {
            node.removeNode();
        }
    }
}
