package org.sockscope.ui.scenario;

import org.sockscope.kernel.Figure;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.trace.Snapshot;
import org.sockscope.ui.ledger.StreamLedger;

/** Says in words what a buffer held around a step ({@link org.sockscope.scenario.StepReport#describe} says what the step did). */
final class Describe {
    private Describe() {
    }

    /**
     * How the figure that decides a call on {@code fd} changed: the receive queue for a read-side
     * call, the send queue (and the peer's receive queue) for a write-side call, a pipe's fill.
     * {@code receive queue 100 B before → 0 B now, of 131072 B}. Empty when there are no figures.
     */
    static String figures(Snapshot before, Snapshot now, String process, int fd, String call) {
        var d = now.descriptor(process, fd);
        if (d == null) {
            return "";
        }
        // "before" is read by the kernel's identity: the same number may have named another object then
        PipeFigures p = now.pipes().get(d.identity());
        if (p != null) {
            PipeFigures b = before.pipes().get(d.identity());
            return change("pipe holds", b == null ? null : b.queued(), p.queued()) + ", of " + Figure.bytes(p.capacity());
        }
        SocketFigures f = now.sockets().get(d.identity());
        if (f == null) {
            return "";
        }
        SocketFigures b = before.sockets().get(d.identity());
        if (f.listening()) {
            return change("accept queue", b == null ? null : b.unacked(), f.unacked(), " connections")
                    + ", backlog " + Figure.text(f.sacked());
        }
        if (StreamLedger.writes(call)) {
            SocketFigures peer = now.peerSocketOf(d);
            return change("send queue", b == null ? null : b.outq(), f.outq()) + " (not sent " + Figure.text(f.notSent()) + "), of "
                    + Figure.bytes(f.sndbuf()) + (peer == null ? "" : "; peer's receive queue " + Figure.bytes(peer.inq()) + " now");
        }
        return change("receive queue", b == null ? null : b.inq(), f.inq()) + ", of " + Figure.bytes(f.rcvbuf());
    }

    /** {@code before} is null when there was no reading then; either figure may be unreadable ({@link Figure}). */
    private static String change(String what, Integer before, int now) {
        return change(what, before, now, " B");
    }

    private static String change(String what, Integer before, int now, String unit) {
        java.util.function.IntFunction<String> v = x -> x >= 0 ? x + unit : Figure.text(x);
        if (before == null) {
            return what + " " + v.apply(now) + " now";
        }
        return before == now ? what + " " + v.apply(now) + " before and now"
                : what + " " + v.apply(before) + " before → " + v.apply(now) + " now";
    }
}
