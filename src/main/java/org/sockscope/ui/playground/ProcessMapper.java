package org.sockscope.ui.playground;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Payload;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.DescriptorView;
import org.sockscope.trace.Snapshot;
import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.DescriptorRow;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.SocketCardState;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps a Snapshot (plus the derived byte ledger) to what one process column draws. No JavaFX. */
final class ProcessMapper {
    private ProcessMapper() {
    }

    /**
     * What {@code side} draws for {@code snap}. {@code nonBlocking} holds O_NONBLOCK per fd as the
     * call log set it; {@code lastApp} is the application buffer shown before (kept while the
     * thread makes calls that move no bytes).
     */
    static ProcessState map(Side side, Snapshot snap, StreamLedger ledger, Map<Integer, Boolean> nonBlocking,
                            AppBufferState lastApp) {
        DescriptorView own = ownSocket(side, snap);
        SocketCardState card = own == null ? SocketCardState.NONE : card(own, snap, ledger, nonBlocking);
        ActorView actor = snap.actors().get(side.process());
        return new ProcessState(side, card, rows(side, snap), lane(side, actor), appBuffer(actor, snap, ledger, lastApp));
    }

    /** The socket of {@code side}: the lab's descriptor of that process labelled client/server. */
    static DescriptorView ownSocket(Side side, Snapshot snap) {
        DescriptorView fallback = null;
        for (DescriptorView d : snap.descriptors().values()) {
            if (d.process().equals(side.process()) && d.descriptor().kind() == Descriptor.Kind.SOCKET) {
                if (d.label().equals(side.role())) {
                    return d;
                }
                if (fallback == null && d.peerFd() >= 0) {
                    fallback = d;
                }
            }
        }
        return fallback;
    }

    static SocketCardState card(DescriptorView d, Snapshot snap, StreamLedger ledger, Map<Integer, Boolean> nonBlocking) {
        int fd = d.fd();
        SocketFigures f = snap.sockets().get(fd);
        SocketFigures peer = d.peerFd() >= 0 ? snap.sockets().get(d.peerFd()) : null;
        Descriptor k = d.descriptor();
        String state = f != null && !f.tcpStateName().isEmpty() ? f.tcpStateName() : k.state();
        String family = k.local().contains(":") && !k.local().startsWith("[") ? "AF_INET" : "AF_INET6";
        return new SocketCardState(fd, d.label(), family, "SOCK_STREAM", k.local(), k.remote(), state,
                nonBlocking.getOrDefault(fd, false),
                ledger.sendBuffer(fd, f, peer, d.requestedSndbuf()),
                ledger.receiveBuffer(fd, f, peer, d.requestedRcvbuf()));
    }

    static List<DescriptorRow> rows(Side side, Snapshot snap) {
        List<DescriptorRow> rows = new ArrayList<>();
        for (DescriptorView d : snap.descriptors().values()) {
            Descriptor k = d.descriptor();
            SocketFigures f = snap.sockets().get(d.fd());
            String state = f != null && !f.tcpStateName().isEmpty() ? f.tcpStateName() : k.state();
            String detail = d.label() + (k.local().isEmpty() ? "" : "  " + port(k.local()))
                    + (k.remote().isEmpty() ? "" : " → " + port(k.remote()));
            rows.add(new DescriptorRow(d.fd(), kindName(k.kind()), detail, state, d.process(),
                    d.process().equals(side.process())));
        }
        return rows;
    }

    /** {@code :40312} for {@code 127.0.0.1:40312} (the card shows the full address). */
    static String port(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(colon);
    }

    static String kindName(Descriptor.Kind kind) {
        return switch (kind) {
            case SOCKET -> "socket";
            case PIPE_READ -> "pipe (read end)";
            case PIPE_WRITE -> "pipe (write end)";
            case FILE -> "file";
            case ANON_INODE -> "anon inode";
            case OTHER -> "other";
        };
    }

    static LaneState lane(Side side, ActorView a) {
        if (a == null) {
            return LaneState.idle(side.process());
        }
        LaneState.Status status = switch (a.status()) {
            case IDLE -> LaneState.Status.IDLE;
            case RUNNING -> LaneState.Status.RUNNING;
            case BLOCKED -> LaneState.Status.BLOCKED;
            case RETURNED -> a.outcome() != null && a.outcome().failed() ? LaneState.Status.FAILED : LaneState.Status.RETURNED;
            case CANCELLED -> LaneState.Status.CANCELLED;
            case STOPPED -> LaneState.Status.STOPPED;
        };
        String result = a.outcome() == null ? "" : a.outcome().display();
        return new LaneState(a.name(), a.tid(), status, a.call() == null ? "" : a.call().text(), a.syscall(), a.wchan(),
                a.startedNanos(), result, a.outcome() == null ? 0 : a.outcome().durationNanos(),
                a.outcome() != null && a.outcome().blocked(), a.cancelledBy());
    }

    static AppBufferState appBuffer(ActorView a, Snapshot snap, StreamLedger ledger, AppBufferState lastApp) {
        if (a == null || a.call() == null || !a.call().movesBytes()) {
            return lastApp;
        }
        boolean write = a.call().isWrite();
        boolean running = a.inCall();
        long asked = a.call().length();
        long copied;
        boolean derived = false;
        if (!running) {
            copied = a.outcome() == null ? 0 : Math.max(0, a.outcome().ret());
        } else if (write) {
            int fd = a.call().fd();
            int peer = ledger.peer(fd);
            copied = ledger.runningCopied(fd, snap.sockets().get(fd), peer >= 0 ? snap.sockets().get(peer) : null);
            derived = true;
        } else {
            copied = 0;
        }
        List<AppBufferState.Piece> pieces = write
                ? (copied > 0 ? List.of(new AppBufferState.Piece(Payload.tag(a.callId()), copied)) : List.of())
                : AppBufferState.parse(a.data());
        return new AppBufferState(write ? "s_buf" : "r_buf", a.call().text(), asked, copied, derived, running, pieces);
    }
}
