package org.sockscope.ui.playground;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.SocketFigures;
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

/** Maps a Snapshot (plus the derived byte ledger) to what one process column draws. No JavaFX. */
final class ProcessMapper {
    private ProcessMapper() {
    }

    /**
     * What {@code side} draws for {@code snap}. {@code lastApp} is the application buffer shown
     * before (kept while the thread makes calls that move no bytes).
     */
    static ProcessState map(Side side, Snapshot snap, StreamLedger ledger,
                            AppBufferState lastApp) {
        DescriptorView own = ownSocket(side, snap);
        SocketCardState card = own == null ? SocketCardState.NONE : card(own, snap, ledger);
        ActorView actor = snap.actors().get(side.process());
        return new ProcessState(side, card, rows(side, snap), LaneState.of(side.process(), actor), appBuffer(actor, snap, ledger, lastApp));
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

    static SocketCardState card(DescriptorView d, Snapshot snap, StreamLedger ledger) {
        int fd = d.fd();
        SocketFigures f = snap.socketOf(d);
        SocketFigures peer = snap.peerSocketOf(d);
        return SocketCardState.of(d.label(), d.descriptor(), DescriptorRow.state(f, d.descriptor()), f,
                SocketCardState.Mode.of(f, ledger.nonBlocking(d.slot())),
                ledger.sendBuffer(d.slot(), f, peer, d.requestedSndbuf()),
                ledger.receiveBuffer(d.slot(), f, peer, d.requestedRcvbuf()));
    }

    static List<DescriptorRow> rows(Side side, Snapshot snap) {
        List<DescriptorRow> rows = new ArrayList<>();
        // A real process has a table of its own; threads of this app share its one table.
        boolean own = snap.processes().containsKey(side.process());
        for (DescriptorView d : own ? snap.descriptorsOf(side.process()) : snap.descriptors().values()) {
            Descriptor k = d.descriptor();
            SocketFigures f = snap.socketOf(d);
            String state = DescriptorRow.state(f, k);
            String detail = d.label() + (k.local().isEmpty() ? "" : "  " + port(k.local()))
                    + (k.remote().isEmpty() ? "" : " → " + port(k.remote()));
            rows.add(new DescriptorRow(d.fd(), DescriptorRow.kindName(k.kind()), detail, state, d.process(),
                    d.process().equals(side.process())));
        }
        return rows;
    }

    /** {@code :40312} for {@code 127.0.0.1:40312} (the card shows the full address). */
    static String port(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(colon);
    }

    static AppBufferState appBuffer(ActorView a, Snapshot snap, StreamLedger ledger, AppBufferState lastApp) {
        if (a == null || a.call() == null || !a.call().movesBytes()) {
            return lastApp;
        }
        return ledger.appBuffer(a.callId(), a.process(), a.call(), a.inCall(), a.outcome(), a.data(), snap);
    }
}
