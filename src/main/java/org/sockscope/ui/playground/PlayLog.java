package org.sockscope.ui.playground;

import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.scenario.ScenarioWriter;
import org.sockscope.scenario.ScenarioWriter.Entry;
import org.sockscope.scenario.ScenarioWriter.State;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What was done in the playground since the connection was last made, for File ▸ Save as scenario:
 * the connection's options and every call, in the order the user made them, each with the kernel's
 * answer as its own thread measured it (the call's result). Whether a call that has not returned is
 * asleep is the kernel's word in the newest Snapshot. No JavaFX; used on the FX thread only.
 */
final class PlayLog {
    private record Made(Side side, Call call, long callId, CompletableFuture<CallOutcome> result, boolean cancel) {
    }

    private final List<Made> made = new ArrayList<>();
    private boolean processes;
    private SocketOptions client = SocketOptions.DEFAULTS;
    private SocketOptions server = SocketOptions.DEFAULTS;
    private boolean connected;

    /** A (re)build started with these settings: what was done before is on a connection that is gone. */
    void connecting(boolean asProcesses, SocketOptions clientOptions, SocketOptions serverOptions) {
        made.clear();
        connected = false;
        processes = asProcesses;
        client = clientOptions;
        server = serverOptions;
    }

    /** The connection is up. */
    void connected() {
        connected = true;
    }

    /** {@code side} made {@code call}, queued as {@code sub}. */
    void made(Side side, Call call, Actor.Submission sub) {
        made.add(new Made(side, call, sub.callId(), sub.result(), false));
    }

    /** Cancel woke {@code side}'s blocked call by shutting its socket {@code fd} down. */
    void cancelled(Side side, int fd) {
        made.add(new Made(side, new Call.Shutdown(fd, LinuxAbi.SHUT_RDWR), 0, null, true));
    }

    /**
     * Every call made on this connection, as it stands now; a call the engine could not run (its
     * result failed: the banner said so) did not reach the kernel and is left out.
     */
    List<Entry> entries(Snapshot latest) {
        List<Entry> out = new ArrayList<>();
        for (Made m : made) {
            org.sockscope.scenario.Side end = m.side() == Side.CLIENT ? org.sockscope.scenario.Side.CLIENT
                    : org.sockscope.scenario.Side.SERVER;
            if (m.cancel()) {
                out.add(new Entry(end, m.call(), State.CANCEL, null));
            } else if (m.result().isDone()) {
                if (!m.result().isCompletedExceptionally()) {
                    out.add(new Entry(end, m.call(), State.RETURNED, m.result().join()));
                }
            } else {
                ActorView a = latest.actors().get(m.side().process());
                boolean asleep = a != null && a.callId() == m.callId() && a.status() == ActorView.Status.BLOCKED;
                out.add(new Entry(end, m.call(), asleep ? State.ASLEEP : State.RUNNING, null));
            }
        }
        return out;
    }

    /** What a scenario is written from; refused while no connection is up. */
    ScenarioWriter.Session session(Snapshot latest) {
        if (!connected) {
            throw new ScenarioWriter.NothingToWrite("Nothing to save: no connection is up. Rebuild the connection"
                    + " (Ctrl+R), make your calls, then save them as a scenario.");
        }
        return new ScenarioWriter.Session(processes,
                Map.of(org.sockscope.scenario.Side.CLIENT, Side.CLIENT.process(), org.sockscope.scenario.Side.SERVER,
                        Side.SERVER.process()), client, server, entries(latest));
    }
}
