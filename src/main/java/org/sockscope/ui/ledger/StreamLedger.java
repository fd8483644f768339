package org.sockscope.ui.ledger;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.Figure;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Payload;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.CallSpec;
import org.sockscope.trace.Event;
import org.sockscope.trace.Slot;
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
 * bytes: with W bytes written on descriptor w and R read on its peer, the receiver queues [R, R + INQ),
 * the sender holds [W − OUTQ, W). It also counts SockScope's {@code fill()}/{@code drain()}
 * helpers, which scenarios use to set the stage. All derived.
 *
 * <p>Counting needs every return value. When the bounded trace dropped events before they were
 * folded ({@link #dropped}), the counts are unknown: the bytes then queued are shown as '?' until
 * kernel figures probed after the last byte moved, with neither end in a call and nothing sent but
 * unacknowledged, place the stream again ({@link #settle}): read = written − (INQ + OUTQ).
 *
 * <p>A descriptor is a {@link Slot} (process, number): two processes each have their own fd 5. The
 * two ends of a connection are found by the kernel's addresses (one's local address is the other's
 * remote one), the two ends of a pipe by its inode, in whichever processes hold them.
 */
public final class StreamLedger {
    public static final int MAX_WRITES = 4096;
    public static final int MAX_SEGMENTS = 48;

    /** The last byte-moving call of an actor, for its application buffer. */
    public record ByteCall(long callId, String process, CallSpec call, boolean running, CallOutcome outcome, String data) {
    }

    /** What a slot held when it was opened: enough to find its peer. */
    private record Held(Descriptor descriptor, int peerFd, long peerIdentity) {
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

    private final Map<Slot, Stream> byWriter = new HashMap<>();
    private final Map<Slot, Held> held = new HashMap<>();
    private final Map<String, String> processOf = new HashMap<>();
    private final Map<String, ByteCall> lastByteCall = new HashMap<>();
    private final Map<Slot, Boolean> nonBlocking = new HashMap<>();
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
            case Event.ActorChanged a -> processOf.put(a.actor(), a.process());
            case Event.DescriptorOpened o -> {
                Slot slot = new Slot(o.process(), o.descriptor().fd());
                byWriter.put(slot, new Stream());
                held.put(slot, new Held(o.descriptor(), o.peerFd(), o.peerIdentity()));
                nonBlocking.remove(slot);
            }
            case Event.DescriptorClosed c -> held.remove(new Slot(c.process(), c.fd()));
            case Event.CallStarted s -> {
                if (writes(s.call().name())) {
                    Stream st = stream(slot(s.actor(), s.call().fd()));
                    st.runningCall = s.callId();
                    st.runningLength = s.call().length();
                }
                if (s.call().movesBytes()) {
                    lastByteCall.put(s.actor(), new ByteCall(s.callId(), processOf(s.actor()), s.call(), true, null, ""));
                }
            }
            case Event.CallReturned r -> {
                long ret = r.outcome().ret();
                Slot slot = slot(r.actor(), r.call().fd());
                if (writes(r.call().name())) {
                    Stream st = stream(slot);
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
                    Slot writer = peer(slot);
                    if (writer != null) {
                        Stream st = stream(writer);
                        st.read += ret;
                        st.lastMove = r.seq();
                    }
                }
                if (r.call().movesBytes()) {
                    lastByteCall.put(r.actor(), new ByteCall(r.callId(), slot.process(), r.call(), false, r.outcome(), r.data()));
                }
                String text = r.call().text();
                if (r.call().name().equals("fcntl") && ret == 0 && text.contains("F_SETFL")) {
                    nonBlocking.put(slot, text.contains("O_NONBLOCK") && !text.contains("~O_NONBLOCK"));
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
        for (var e : snap.descriptors().entrySet()) {
            held.put(e.getKey(), new Held(e.getValue().descriptor(), e.getValue().peerFd(), e.getValue().peerIdentity()));
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
        for (Map.Entry<Slot, Stream> e : byWriter.entrySet()) {
            Stream st = e.getValue();
            if (!st.anchored && !anchor(e.getKey(), st, snap, probedAfter)) {
                left = true;
            }
        }
        unanchored = left;
    }

    private boolean anchor(Slot writer, Stream st, Snapshot snap, long probedAfter) {
        Slot reader = peer(writer);
        if (reader == null || st.lastMove >= probedAfter || st.runningCall != 0 || inCall(snap, writer) || inCall(snap, reader)) {
            return false;
        }
        long inTransit;
        SocketFigures w = snap.socket(writer.process(), writer.fd());
        SocketFigures r = snap.socket(reader.process(), reader.fd());
        PipeFigures pipe = snap.pipe(reader.process(), reader.fd());
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

    private static boolean inCall(Snapshot snap, Slot slot) {
        for (ActorView a : snap.actors().values()) {
            if (a.inCall() && a.call() != null && a.call().fd() == slot.fd() && a.process().equals(slot.process())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other end of {@code slot}'s connection or pipe, or null when none is open: the number and
     * kernel identity recorded at opening (one table), else the socket whose addresses mirror this
     * one's, or the other end of the same pipe inode, in any process.
     */
    public Slot peer(Slot slot) {
        Held h = held.get(slot);
        if (h == null) {
            return null;
        }
        Descriptor d = h.descriptor();
        Slot found = null;
        for (var e : held.entrySet()) {
            Descriptor o = e.getValue().descriptor();
            if (e.getKey().equals(slot)) {
                continue;
            }
            boolean recorded = h.peerFd() >= 0 && o.fd() == h.peerFd() && (h.peerIdentity() < 0 || o.identity() == h.peerIdentity());
            boolean mirrored = d.kind() == Descriptor.Kind.SOCKET && o.kind() == Descriptor.Kind.SOCKET
                    && !d.remote().isEmpty() && d.remote().equals(o.local()) && d.local().equals(o.remote());
            boolean otherEnd = d.identity() >= 0 && o.identity() == d.identity() && isPipe(d) && isPipe(o) && o.kind() != d.kind();
            if (recorded) {
                return e.getKey();
            }
            if (found == null && (mirrored || otherEnd)) {
                found = e.getKey();
            }
        }
        return found;
    }

    private static boolean isPipe(Descriptor d) {
        return d.kind() == Descriptor.Kind.PIPE_READ || d.kind() == Descriptor.Kind.PIPE_WRITE;
    }

    /** O_NONBLOCK as the last successful fcntl(fd, F_SETFL, …) on that slot set it (derived from the calls). */
    public boolean nonBlocking(Slot slot) {
        return nonBlocking.getOrDefault(slot, false);
    }

    private String processOf(String actor) {
        return processOf.getOrDefault(actor, actor);
    }

    private Slot slot(String actor, int fd) {
        return new Slot(processOf(actor), fd);
    }

    /** The actor's last send()/recv()/read()/write(), or null. */
    public ByteCall lastByteCall(String actor) {
        return lastByteCall.get(actor);
    }

    /** Bytes the running send() on {@code writerFd} has copied so far (derived), 0 when none runs. */
    public long runningCopied(Slot writerSlot, SocketFigures writer, SocketFigures reader) {
        Stream s = byWriter.get(writerSlot);
        return s == null || s.runningCall == 0 || !s.anchored ? 0 : writtenNow(s, writer, reader) - s.written;
    }

    /**
     * Bytes the running write() on pipe end {@code writerFd} has copied so far (derived): read +
     * FIONREAD − written before it; 0 when none runs or the pipe's fill is unreadable.
     */
    public long pipeCopied(Slot writerSlot, PipeFigures pipe) {
        Stream s = byWriter.get(writerSlot);
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
    public AppBufferState appBuffer(long callId, String process, CallSpec call, boolean running, CallOutcome outcome,
                                    String data, Snapshot snap) {
        boolean write = call.isWrite();
        long copied;
        boolean derived = false;
        Slot slot = new Slot(process, call.fd());
        if (!running) {
            copied = outcome == null ? 0 : Math.max(0, outcome.ret());
        } else if (write && placed(slot) && snap.pipe(process, call.fd()) != null) {
            copied = pipeCopied(slot, snap.pipe(process, call.fd()));
            derived = true;
        } else if (write && placed(slot)) { // after a gap, until placed: no figure ("waiting…"), not a made-up 0
            Slot peer = peer(slot);
            copied = runningCopied(slot, snap.socket(process, call.fd()), peer != null ? snap.socket(peer.process(), peer.fd()) : null);
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

    /** The send buffer of {@code slot}: its unacknowledged and unsent bytes, placed in its stream. */
    public BufferContent sendBuffer(Slot slot, SocketFigures own, SocketFigures peer, long requested) {
        int fd = slot.fd();
        Stream s = byWriter.get(slot);
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

    /** The receive buffer of {@code slot}: the queued bytes of the stream its peer writes. */
    public BufferContent receiveBuffer(Slot slot, SocketFigures own, SocketFigures peer, long requested) {
        int fd = slot.fd();
        if (own == null) {
            return BufferContent.empty(BufferContent.Role.RECEIVE);
        }
        if (own.inq() < 0) {
            return BufferContent.unreadable(BufferContent.Role.RECEIVE, fd, own.rcvbuf(), requested, own.rcvWnd(),
                    "ioctl(SIOCINQ) " + Figure.text(own.inq()));
        }
        Slot writer = peer(slot);
        Stream s = writer == null ? null : byWriter.get(writer);
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

    /** False while a gap leaves {@code writer}'s stream unplaced. */
    private boolean placed(Slot writer) {
        Stream s = byWriter.get(writer);
        return s == null || s.anchored;
    }

    private Stream stream(Slot writer) {
        return byWriter.computeIfAbsent(writer, k -> new Stream());
    }
}
