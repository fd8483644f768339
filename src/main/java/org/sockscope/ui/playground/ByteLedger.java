package org.sockscope.ui.playground;

import org.sockscope.kernel.SocketFigures;
import org.sockscope.lab.Payload;
import org.sockscope.trace.Event;
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
 * Derives which send() wrote the bytes the kernel reports in each buffer. TCP delivers a byte
 * stream in order, so counting return values places every byte: in the direction written on fd
 * w and read on its peer r, with W bytes written and R read, the receiver's queue holds stream
 * positions [R, R + INQ(r)), the sender's unsent bytes [W − NSD(w), W) and its unacknowledged
 * bytes [W − OUTQ(w), W − NSD(w)). While a blocking send() is still running, W is the kernel's
 * figure R + INQ(r) + NSD(w) (the invariant DESIGN.md measured). Every result here is derived.
 */
final class ByteLedger {
    /** Stream positions [from, to) written by call {@code callId}. */
    record Write(long callId, long from, long to) {
        char letter() {
            return Payload.tag(callId);
        }
    }

    /** One direction of a connection (or a pipe), keyed by the descriptor written on. */
    static final class Stream {
        long written;
        long read;
        final ArrayDeque<Write> writes = new ArrayDeque<>();
        long runningCall;
        long runningLength;

        void prune() {
            while (writes.size() > MAX_WRITES || (!writes.isEmpty() && writes.peekFirst().to() < read - PRUNE_BEHIND)) {
                writes.pollFirst();
            }
        }
    }

    static final int MAX_WRITES = 4096;
    static final long PRUNE_BEHIND = 16L << 20;
    static final int MAX_SEGMENTS = 48;

    private final Map<Integer, Stream> byWriter = new HashMap<>();
    private final Map<Integer, Integer> peers = new HashMap<>();

    /** Folds one event in (call in trace order). */
    void fold(Event e) {
        switch (e) {
            case Event.DescriptorOpened o -> {
                byWriter.put(o.descriptor().fd(), new Stream());
                peers.put(o.descriptor().fd(), o.peerFd());
            }
            case Event.CallStarted s when s.call().isWrite() -> {
                Stream st = stream(s.call().fd());
                st.runningCall = s.callId();
                st.runningLength = s.call().length();
            }
            case Event.CallReturned r when r.call().isWrite() -> {
                Stream st = stream(r.call().fd());
                if (r.outcome().ret() > 0) {
                    st.writes.addLast(new Write(r.callId(), st.written, st.written + r.outcome().ret()));
                    st.written += r.outcome().ret();
                }
                st.runningCall = 0;
                st.prune();
            }
            case Event.CallReturned r when r.call().movesBytes() && r.outcome().ret() > 0 -> {
                Integer writer = peers.get(r.call().fd());
                if (writer != null && writer >= 0) {
                    Stream st = stream(writer);
                    st.read += r.outcome().ret();
                    st.prune();
                }
            }
            default -> {
            }
        }
    }

    /** The peer of {@code fd} as the lab opened it, -1 when none. */
    int peer(int fd) {
        return peers.getOrDefault(fd, -1);
    }

    /** Bytes read so far from the stream written on {@code writerFd}. */
    long read(int writerFd) {
        Stream s = byWriter.get(writerFd);
        return s == null ? 0 : s.read;
    }

    /** Bytes the running send() on {@code writerFd} has copied so far (derived), 0 when none runs. */
    long runningCopied(int writerFd, SocketFigures writer, SocketFigures reader) {
        Stream s = byWriter.get(writerFd);
        if (s == null || s.runningCall == 0) {
            return 0;
        }
        return writtenNow(s, writer, reader) - s.written;
    }

    /** The send buffer of {@code fd}: its unacknowledged and unsent bytes, placed in its stream. */
    BufferContent sendBuffer(int fd, SocketFigures own, SocketFigures peer, long requested) {
        Stream s = byWriter.get(fd);
        if (own == null || s == null) {
            return BufferContent.empty(BufferContent.Role.SEND);
        }
        long w = writtenNow(s, own, peer);
        long b = Math.max(0, w - own.notSent());
        long a = Math.max(0, Math.min(b, w - own.outq()));
        List<Span> spans = List.of(new Span(a, b, Kind.IN_FLIGHT), new Span(b, w, Kind.NOT_SENT));
        return new BufferContent(BufferContent.Role.SEND, fd, own.sndbuf(), requested, own.sndWnd(), spans,
                segments(s, a, w, w));
    }

    /** The receive buffer of {@code fd}: the queued bytes of the stream its peer writes. */
    BufferContent receiveBuffer(int fd, SocketFigures own, SocketFigures peer, long requested) {
        if (own == null) {
            return BufferContent.empty(BufferContent.Role.RECEIVE);
        }
        int writerFd = peer(fd);
        Stream s = byWriter.get(writerFd);
        long r = s == null ? 0 : s.read;
        long end = r + own.inq();
        List<Span> spans = List.of(new Span(r, end, Kind.QUEUED));
        List<Segment> segs = s == null ? List.of(new Segment(r, end, '?'))
                : segments(s, r, end, writtenNow(s, peer, own));
        return new BufferContent(BufferContent.Role.RECEIVE, fd, own.rcvbuf(), requested, own.rcvWnd(), spans, segs);
    }

    /** Bytes written into the kernel so far, including the running send()'s part (derived). */
    private static long writtenNow(Stream s, SocketFigures writer, SocketFigures reader) {
        if (s.runningCall == 0) {
            return s.written;
        }
        long kernel = s.read + (reader == null ? 0 : reader.inq()) + (writer == null ? 0 : writer.notSent());
        return Math.clamp(kernel, s.written, s.written + s.runningLength);
    }

    /** The writes overlapping [from, to); positions past every known write are '?'. */
    private static List<Segment> segments(Stream s, long from, long to, long writtenNow) {
        List<Segment> out = new ArrayList<>();
        if (to <= from) {
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
            out.add(new Segment(Math.max(from, w.from()), Math.min(to, w.to()), w.letter()));
            covered = Math.min(to, w.to());
        }
        if (s.runningCall != 0 && writtenNow > s.written && s.written < to) {
            long a = Math.max(from, s.written);
            long b = Math.min(to, writtenNow);
            if (b > a) {
                out.add(new Segment(a, b, Payload.tag(s.runningCall)));
                covered = b;
            }
        }
        if (covered < to) {
            out.add(new Segment(Math.max(covered, from), to, '?'));
        }
        return cap(out);
    }

    /** At most {@link #MAX_SEGMENTS}: the oldest and newest kept, the middle merged into one '…'. */
    private static List<Segment> cap(List<Segment> segs) {
        if (segs.size() <= MAX_SEGMENTS) {
            return segs;
        }
        int keep = MAX_SEGMENTS / 2;
        List<Segment> out = new ArrayList<>(segs.subList(0, keep - 1));
        Segment firstMid = segs.get(keep - 1);
        Segment lastMid = segs.get(segs.size() - keep);
        out.add(new Segment(firstMid.from(), lastMid.to(), '…'));
        out.addAll(segs.subList(segs.size() - keep + 1, segs.size()));
        return out;
    }

    private Stream stream(int fd) {
        return byWriter.computeIfAbsent(fd, k -> new Stream());
    }
}
