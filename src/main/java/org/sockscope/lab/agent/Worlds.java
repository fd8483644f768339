package org.sockscope.lab.agent;

import org.sockscope.lab.Lab;
import org.sockscope.lab.World;

/**
 * The world a lesson runs in: real processes by default; with {@code -Dsockscope.actors=threads},
 * threads of this JVM sharing its one table (quicker to start, and the lecture's "spawned thread").
 */
public final class Worlds {
    /** The system property that chooses. */
    public static final String PROPERTY = "sockscope.actors";

    private Worlds() {
    }

    /**
     * A fresh world of the kind the property chooses; real processes whatever it says when the
     * lesson {@code needsProcesses} (it spawns one: a thread of this JVM cannot get a table of its own).
     */
    public static World create(boolean needsProcesses) {
        return threads() && !needsProcesses ? new Lab() : new ProcessWorld();
    }

    /** True when the property asks for threads of this JVM. */
    public static boolean threads() {
        return "threads".equals(System.getProperty(PROPERTY));
    }
}
