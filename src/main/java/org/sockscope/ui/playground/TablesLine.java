package org.sockscope.ui.playground;

import org.sockscope.trace.Snapshot;

/** The playground's one line on whose descriptor tables the columns show. No JavaFX. */
final class TablesLine {
    private TablesLine() {
    }

    /** True when the trace says P1 and P2 each ran as a process of its own. */
    static boolean twoProcesses(Snapshot snap) {
        return snap.processes().containsKey(Side.CLIENT.process()) && snap.processes().containsKey(Side.SERVER.process());
    }

    /**
     * Two processes with their pids (and how each ended), or one table shared by two threads of
     * {@code whose} process ({@code pid 1234}, or for a replay {@code pid 1234, when recorded}).
     */
    static String text(Snapshot snap, boolean processesNow, String whose) {
        var p1 = snap.processes().get(Side.CLIENT.process());
        var p2 = snap.processes().get(Side.SERVER.process());
        if (processesNow && p1 != null && p2 != null) {
            return "P1 (pid " + p1.pid() + (p1.running() ? "" : ", " + p1.exit()) + ") and P2 (pid " + p2.pid()
                    + (p2.running() ? "" : ", " + p2.exit()) + "): two processes, each its OWN descriptor table";
        }
        return "P1 and P2: threads of one process (" + whose + "), ONE shared table";
    }
}
