package org.sockscope.ui.widget;

import java.util.List;

/**
 * What one kernel buffer holds, as positions in its byte stream (byte 0 is the first byte ever
 * written into the connection in that direction). {@code spans} are contiguous and in order: the
 * receive side has one QUEUED span; the send side an IN_FLIGHT span followed by a NOT_SENT span.
 * {@code segments} say which send() wrote which bytes (derived: TCP keeps byte order).
 *
 * @param role      send or receive buffer
 * @param fd        the socket it belongs to (for the source tooltips), -1 when none
 * @param capacity  the kernel's size (SO_SNDBUF / SO_RCVBUF as getsockopt returns it); negative:
 *                  {@code -errno}, getsockopt failed ({@link org.sockscope.kernel.Figure})
 * @param requested the size the program asked for with setsockopt, 0 when not set (autotuned)
 * @param window    TCP_INFO's window: for a send buffer the peer's advertised window (tcpi_snd_wnd),
 *                  for a receive buffer the window this socket advertises (tcpi_rcv_wnd); negative:
 *                  {@code -errno}, TCP_INFO failed; 0 for no socket
 * @param unreadable empty when the queue figures were read; else which probe call failed and how
 *                  ({@code ioctl(SIOCINQ): EINVAL}), and the spans are empty: nothing is made up
 * @param spans     the regions of the stream in the buffer, in order
 * @param segments  the bytes of each send() call inside the spans, in order
 */
public record BufferContent(Role role, int fd, long capacity, long requested, long window, String unreadable, List<Span> spans,
                            List<Segment> segments) {

    /** Which of a socket's two buffers. */
    public enum Role { SEND, RECEIVE }

    /** What a span of the buffer is. */
    public enum Kind {
        /** Receive side: bytes waiting for recv() ({@code ioctl SIOCINQ}). */
        QUEUED,
        /** Send side: bytes TCP has not sent yet ({@code ioctl SIOCOUTQNSD}). */
        NOT_SENT,
        /** Send side: sent but not yet acknowledged by the peer (derived: SIOCOUTQ − SIOCOUTQNSD). */
        IN_FLIGHT
    }

    /** Stream positions {@code [from, to)} of one kind. */
    public record Span(long from, long to, Kind kind) {
        public Span {
            if (to < from) {
                throw new IllegalArgumentException("span ends before it starts: " + from + ".." + to);
            }
        }

        /** Number of bytes in it. */
        public long bytes() {
            return to - from;
        }
    }

    /** Stream positions {@code [from, to)} written by the send() whose bytes are the letter {@code letter}. */
    public record Segment(long from, long to, char letter) {
        /** Number of bytes in it. */
        public long bytes() {
            return to - from;
        }
    }

    public BufferContent {
        spans = List.copyOf(spans);
        segments = List.copyOf(segments);
    }

    /** An empty buffer of {@code role} (no socket). */
    public static BufferContent empty(Role role) {
        Kind first = role == Role.SEND ? Kind.IN_FLIGHT : Kind.QUEUED;
        List<Span> s = role == Role.SEND ? List.of(new Span(0, 0, first), new Span(0, 0, Kind.NOT_SENT))
                : List.of(new Span(0, 0, first));
        return new BufferContent(role, -1, 0, 0, 0, "", s, List.of());
    }

    /** The buffer of {@code fd} whose queue figures the kernel refused ({@code why}): sizes only, no bytes. */
    public static BufferContent unreadable(Role role, int fd, long capacity, long requested, long window, String why) {
        BufferContent e = empty(role);
        return new BufferContent(role, fd, capacity, requested, window, why, e.spans(), List.of());
    }

    /** Bytes in spans of {@code kind}. */
    public long bytes(Kind kind) {
        long n = 0;
        for (Span s : spans) {
            if (s.kind() == kind) {
                n += s.bytes();
            }
        }
        return n;
    }

    /** Bytes in the buffer: every span. */
    public long total() {
        return spans.isEmpty() ? 0 : spans.getLast().to() - spans.getFirst().from();
    }

    /** The first stream position in the buffer. */
    public long head() {
        return spans.isEmpty() ? 0 : spans.getFirst().from();
    }
}
