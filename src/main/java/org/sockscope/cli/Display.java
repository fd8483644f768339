package org.sockscope.cli;

import java.util.Map;
import java.util.Optional;

/** Whether the window can open here: on Linux it needs an X11 or Wayland display. */
public final class Display {
    /** How to do without a display, for the one-line messages. */
    public static final String HEADLESS = "run a scenario without one: 'sockscope run NAME' ('sockscope list' names them),"
            + " or open the window on a virtual display: xvfb-run -a java -jar sockscope.jar";

    private Display() {
    }

    /**
     * Why no window can open, or empty: on Linux neither {@code DISPLAY} nor
     * {@code WAYLAND_DISPLAY} is set (and JavaFX is not told to run headless on Monocle).
     */
    static Optional<String> missing(Map<String, String> env, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        if (!linux || "Monocle".equalsIgnoreCase(glassPlatform) || set(env, "DISPLAY") || set(env, "WAYLAND_DISPLAY")) {
            return Optional.empty();
        }
        return Optional.of("no display for the window (DISPLAY and WAYLAND_DISPLAY are not set); " + HEADLESS);
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
