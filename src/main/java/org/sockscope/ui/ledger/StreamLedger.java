package org.sockscope.ui.ledger;

import org.sockscope.kernel.Figure;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Payload;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.CallSpec;
import org.sockscope.trace.DescriptorView;
import org.sockscope.trace.Event;
import org.sockscope.trace.Snapshot;
import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.BufferContent;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.widget.BufferContent.Segment;
import org.sockscope.ui.widget.BufferContent.Span;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the bytes the kernel reports in each buffer in their stream, for the playground and the
 * scenario mode alike. TCP
 * (and a pipe) keeps byte order, so counting return values tells which call wrote which queued
 * bytes: with W bytes written on fd w and R read on its peer, the receiver queues [R, R + INQ),
 * the sender holds [W − OUTQ, W). It also counts SockScope's {@code fill()}/{@code drain()}
 * helpers, which scenarios use to set the stage. All derived.
 *
 * <p>Counting needs every return value. When the bounded trace dropped events before they were
 * folded ({@link #dropped}), the counts are unknown: the bytes then queued are shown as '?' until
 * kernel figures probed after the last byte moved, with neither end in a call and nothing sent but
 * unacknowledged, place the stream again ({@link #settle}): read = written − (INQ + OUTQ).
 */
public final class StreamLedger {
    public static final int MAX_WRITES = 4096;
    public static final int MAX_SEGMENTS = 48;

    /** The last byte-moving call of an actor, for its application buffer. */
    public record ByteCall(long callId, CallSpec call, boolean running, CallOutcome outcome, String data) {
    }

    private record Write(long callId, long from, long to) {
    }

    private static final class Stream {
        long written;
        long read;
        final ArrayDeque<Write> writes = new ArrayDeque<>();
        long runningCall;
        long runningLength;
        /** False after a gap in the events, until {@link #settle} places the stream from the kernel's figures. */
        boolean anchored = true;
        /** Index of the last event that moved bytes through this stream. */
        long lastMove = -1;
    }

    private final Map<Integer, Stream> byWriter = new HashMap<>();
    private final Map<Integer, Integer> peers = new HashMap<>();
    private final Map<String, ByteCall> lastByteCall = new HashMap<>();
    private final Map<Integer, Boolean> nonBlocking = new HashMap<>();
    private boolean unanchored;

    /** A ledger that has folded {@code events} in order. */
    public static StreamLedger of(List<Event> events) {
        StreamLedger l = new StreamLedger();
        events.forEach(l::fold);
        return l;
    }

    public static boolean writes(String name) {
        return name.equals("send") || name.equals("write") || name.equals("fill");
    }

    public static boolean reads(String name) {
        return name.equals("recv") || name.equals("read") || name.equals("drain");
    }

    /** Folds one event in (in trace order). */
    public void fold(Event e) {
        switch (e) {
            case Event.DescriptorOpened o -> {
                byWriter.put(o.descriptor().fd(), new Stream());
                peers.put(o.descriptor().fd(), o.peerFd());
                nonBlocking.remove(o.descriptor().fd());
            }
            case Event.CallStarted s -> {
                if (writes(s.call().name())) {
                    Stream st = stream(s.call().fd());
                    st.runningCall = s.callId();
                    st.runningLength = s.call().length();
                }
                if (s.call().movesBytes()) {
                    lastByteCall.put(s.actor(), new ByteCall(s.callId(), s.call(), true, null, ""));
                }
            }
            case Event.CallReturned r -> {
                long ret = r.outcome().ret();
                if (writes(r.call().name())) {
                    Stream st = stream(r.call().fd());
                    if (ret > 0) {
                        st.writes.addLast(new Write(r.callId(), st.written, st.written + ret));
                        st.written += ret;
                        st.lastMove = r.seq();
                        while (st.writes.size() > MAX_WRITES) {
                            st.writes.pollFirst();
                        }
                    }
                    st.runningCall = 0;
                } else if (reads(r.call().name()) && ret > 0) {
                    int writer = peer(r.call().fd());
                    if (writer >= 0) {
                        Stream st = stream(writer);
                        st.read += ret;
                        st.lastMove = r.seq();
                    }
                }
                if (r.call().movesBytes()) {
                    lastByteCall.put(r.actor(), new ByteCall(r.callId(), r.call(), false, r.outcome(), r.data()));
                }
                String text = r.call().text();
                if (r.call().name().equals("fcntl") && ret == 0 && text.contains("F_SETFL")) {
                    nonBlocking.put(r.call().fd(), text.contains("O_NONBLOCK") && !text.contains("~O_NONBLOCK"));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The bounded trace dropped events before they were folded: which call wrote the queued bytes,
     * and where the streams stand, is no longer known. {@code snap} (the newest Snapshot) tells
     * which descriptors are connected to which now.
     */
    public void dropped(Snapshot snap) {
        for (DescriptorView d : snap.descriptors().values()) {
            if (d.peerFd() >= 0) {
                peers.put(d.fd(), d.peerFd());
            }
        }
        for (Stream st : byWriter.values()) {
            st.writes.clear();
            st.runningCall = 0; // its start may have been dropped; a start folded later sets it again
            st.anchored = false;
        }
        lastByteCall.clear();
        unanchored = true;
    }

    /** True while a gap left a stream unplaced: {@link #settle} needs figures probed after its last byte moved. */
    public boolean unsettled() {
        return unanchored;
    }

    /**
     * Places every stream a gap left unplaced, once {@code snap}'s kernel figures are known to be
     * current for every event before index {@code probedAfter} (they were probed after it was
     * appended) and the stream is quiet: its last byte moved before that, neither end is in a call
     * in {@code snap}, and the writer has nothing sent but unacknowledged (such bytes may already
     * be in the reader's queue too). The others wait for a later probe.
     */
    public void settle(Snapshot snap, long probedAfter) {
        if (!unanchored) {
            return;
        }
        boolean left = false;
        for (Map.Entry<Integer, Stream> e : byWriter.entrySet()) {
            Stream st = e.getValue();
            if (!st.anchored && !anchor(e.getKey(), st, snap, probedAfter)) {
                left = true;
            }
        }
        unanchored = left;
    }

    private boolean anchor(int writer, Stream st, Snapshot snap, long probedAfter) {
        int reader = peer(writer);
        if (reader < 0 || st.lastMove >= probedAfter || st.runningCall != 0 || inCall(snap, writer) || inCall(snap, reader)) {
            return false;
        }
        long inTransit;
        SocketFigures w = snap.socket(writer);
        SocketFigures r = snap.socket(reader);
        PipeFigures pipe = snap.pipe(reader);
        if (w != null && r != null) {
            if (w.outq() < 0 || r.inq() < 0 || w.notSent() < 0 || w.outq() != w.notSent()) {
                return false; // unreadable, or bytes in flight: counted in both queues until acknowledged
            }
            inTransit = (long) r.inq() + w.outq();
        } else if (pipe != null && pipe.queued() >= 0) {
            inTransit = pipe.queued();
        } else {
            return false;
        }
        st.read = st.written - inTransit;
        if (st.read < 0) { // fewer bytes counted than are queued: move the stream so positions stay ≥ 0
            long shift = -st.read;
            st.read += shift;
            st.written += shift;
            List<Write> moved = st.writes.stream().map(x -> new Write(x.callId(), x.from() + shift, x.to() + shift)).toList();
            st.writes.clear();
            st.writes.addAll(moved);
        }
        st.anchored = true;
        return true;
    }

    private static boolean inCall(Snapshot snap, int fd) {
        for (ActorView a : snap.actors().values()) {
            if (a.inCall() && a.call() != null && a.call().fd() == fd) {
                return true;
            }
        }
        return false;
    }

    /** The other end of {@code fd}'s connection or pipe, -1 when none. */
    public int peer(int fd) {
        return peers.getOrDefault(fd, -1);
    }

    /** O_NONBLOCK as the last successful fcntl(fd, F_SETFL, …) set it (derived from the calls). */
    public boolean nonBlocking(int fd) {
        return nonBlocking.getOrDefault(fd, false);
    }

    /** The actor's last send()/recv()/read()/write(), or null. */
    public ByteCall lastByteCall(String actor) {
        return lastByteCall.get(actor);
    }

    /** Bytes the running send() on {@code writerFd} has copied so far (derived), 0 when none runs. */
    public long runningCopied(int writerFd, SocketFigures writer, SocketFigures reader) {
        Stream s = byWriter.get(writerFd);
        return s == null || s.runningCall == 0 || !s.anchored ? 0 : writtenNow(s, writer, reader) - s.written;
    }

    /**
     * Bytes the running write() on pipe end {@code writerFd} has copied so far (derived): read +
     * FIONREAD − written before it; 0 when none runs or the pipe's fill is unreadable.
     */
    public long pipeCopied(int writerFd, PipeFigures pipe) {
        Stream s = byWriter.get(writerFd);
        if (s == null || s.runningCall == 0 || !s.anchored || pipe.queued() < 0) {
            return 0;
        }
        long max = s.runningLength > 0 ? s.written + s.runningLength : Long.MAX_VALUE;
        return Math.clamp(s.read + pipe.queued(), s.written, max) - s.written;
    }

    /**
     * The application buffer of a send()/recv()/read()/write() (the slide's {@code s_buf}/{@code r_buf}):
     * what it asked, what the kernel copied (the return value; while a blocking send() still runs,
     * the part already in the kernel, derived from the queues) and whose bytes they are.
     */
    public AppBufferState appBuffer(long callId, CallSpec call, boolean running, CallOutcome outcome, String data,
                                    Snapshot snap) {
        boolean write = call.isWrite();
        long copied;
        boolean derived = false;
        if (!running) {
            copied = outcome == null ? 0 : Math.max(0, outcome.ret());
        } else if (write && placed(call.fd()) && snap.pipe(call.fd()) != null) {
            copied = pipeCopied(call.fd(), snap.pipe(call.fd()));
            derived = true;
        } else if (write && placed(call.fd())) { // after a gap, until placed: no figure ("waiting…"), not a made-up 0
            int fd = call.fd();
            int peer = peer(fd);
            copied = runningCopied(fd, snap.socket(fd), peer >= 0 ? snap.socket(peer) : null);
            derived = true;
        } else {
            copied = 0;
        }
        List<AppBufferState.Piece> pieces = write
                ? (copied > 0 ? List.of(new AppBufferState.Piece(Payload.tag(callId), copied)) : List.of())
                : AppBufferState.parse(data);
        // The widget words its figures by the slide's names: s_buf (kernel took) and r_buf (got).
        return new AppBufferState(write ? "s_buf" : "r_buf", call.text(), call.length(), copied, derived, running, pieces);
    }

    /** The send buffer of {@code fd}: its unacknowledged and unsent bytes, placed in its stream. */
    public BufferContent sendBuffer(int fd, SocketFigures own, SocketFigures peer, long requested) {
        Stream s = byWriter.get(fd);
        if (own == null || s == null) {
            return BufferContent.empty(BufferContent.Role.SEND);
        }
        if (own.outq() < 0 || own.notSent() < 0) {
            return BufferContent.unreadable(BufferContent.Role.SEND, fd, own.sndbuf(), requested, own.sndWnd(),
                    "ioctl(SIOCOUTQ) " + Figure.text(own.outq()) + ", ioctl(SIOCOUTQNSD) " + Figure.text(own.notSent()));
        }
        long w = writtenNow(s, own, peer);
        long b = Math.max(0, w - own.notSent());
        long a = Math.max(0, Math.min(b, w - own.outq()));
        List<Span> spans = List.of(new Span(a, b, Kind.IN_FLIGHT), new Span(b, w, Kind.NOT_SENT));
        return new BufferContent(BufferContent.Role.SEND, fd, own.sndbuf(), requested, own.sndWnd(), "", spans,
                segments(s, a, w, w));
    }

    /** The receive buffer of {@code fd}: the queued bytes of the stream its peer writes. */
    public BufferContent receiveBuffer(int fd, SocketFigures own, SocketFigures peer, long requested) {
        if (own == null) {
            return BufferContent.empty(BufferContent.Role.RECEIVE);
        }
        if (own.inq() < 0) {
            return BufferContent.unreadable(BufferContent.Role.RECEIVE, fd, own.rcvbuf(), requested, own.rcvWnd(),
                    "ioctl(SIOCINQ) " + Figure.text(own.inq()));
        }
        Stream s = byWriter.get(peer(fd));
        long r = s == null ? 0 : s.read;
        long end = r + own.inq();
        List<Segment> segs = s == null ? (end > r ? List.of(new Segment(r, end, '?')) : List.of())
                : segments(s, r, end, writtenNow(s, peer, own));
        return new BufferContent(BufferContent.Role.RECEIVE, fd, own.rcvbuf(), requested, own.rcvWnd(), "",
                List.of(new Span(r, end, Kind.QUEUED)), segs);
    }

    /** Bytes written so far, with the running send()'s copied part: read + INQ(reader) + NSD(writer). */
    private static long writtenNow(Stream s, SocketFigures writer, SocketFigures reader) {
        if (s.runningCall == 0) {
            return s.written;
        }
        if (reader != null && reader.inq() < 0 || writer != null && writer.notSent() < 0) {
            return s.written; // a queue figure is unreadable: nothing more is known to be written
        }
        long kernel = s.read + (reader == null ? 0 : reader.inq()) + (writer == null ? 0 : writer.notSent());
        long max = s.runningLength > 0 ? s.written + s.runningLength : Long.MAX_VALUE;
        return Math.clamp(kernel, s.written, max);
    }

    /** The writes overlapping [from, to); bytes no known write covers are '?'. */
    private static List<Segment> segments(Stream s, long from, long to, long writtenNow) {
        List<Segment> out = new ArrayList<>();
        if (to <= from) {
            return out;
        }
        if (!s.anchored) { // after a gap in the events: whose bytes these are is not known
            out.add(new Segment(from, to, '?'));
            return out;
        }
        long covered = from;
        for (Write w : s.writes) {
            if (w.to() <= from) {
                continue;
            }
            if (w.from() >= to) {
                break;
            }
            if (w.from() > covered) {
                out.add(new Segment(covered, w.from(), '?'));
            }
            out.add(new Segment(Math.max(from, w.from()), Math.min(to, w.to()), Payload.tag(w.callId())));
            covered = Math.min(to, w.to());
        }
        if (s.runningCall != 0 && writtenNow > s.written && covered < to) {
            long b = Math.min(to, writtenNow);
            if (b > covered) {
                out.add(new Segment(covered, b, Payload.tag(s.runningCall)));
                covered = b;
            }
        }
        if (covered < to) {
            out.add(new Segment(covered, to, '?'));
        }
        if (out.size() <= MAX_SEGMENTS) {
            return out;
        }
        int keep = MAX_SEGMENTS / 2;
        List<Segment> capped = new ArrayList<>(out.subList(0, keep - 1));
        capped.add(new Segment(out.get(keep - 1).from(), out.get(out.size() - keep).to(), '…'));
        capped.addAll(out.subList(out.size() - keep + 1, out.size()));
        return capped;
    }

    /** False while a gap leaves {@code writerFd}'s stream unplaced. */
    private boolean placed(int writerFd) {
        Stream s = byWriter.get(writerFd);
        return s == null || s.anchored;
    }

    private Stream stream(int fd) {
        return byWriter.computeIfAbsent(fd, k -> new Stream());
    }
}
