package org.sockscope.ui.widget;

import java.util.List;

/**
 * A call's application buffer, the lecture's {@code s_buf}/{@code r_buf}: how many bytes the call
 * asked for and how many the kernel copied.
 *
 * @param name          {@code s_buf} or {@code r_buf}
 * @param callText      the call as C
 * @param asked         the length argument
 * @param copied        bytes copied: the return value, or while a send() still runs, the derived count so far
 * @param copiedDerived true when {@code copied} is derived (call still running), false when returned
 * @param running       the call has not returned yet
 * @param pieces        the copied bytes by letter, in order
 */
public record AppBufferState(String name, String callText, long asked, long copied, boolean copiedDerived,
                             boolean running, List<Piece> pieces) {

    /** {@code count} bytes of the letter {@code letter}. */
    public record Piece(char letter, long count) {
    }

    /** No byte-moving call yet. */
    public static final AppBufferState NONE = new AppBufferState("", "", 0, 0, false, false, List.of());

    public AppBufferState {
        pieces = List.copyOf(pieces);
    }

    /** Parses the trace's run-length text ({@code "A×60 B×40"}) into pieces. */
    public static List<Piece> parse(String data) {
        if (data == null || data.isBlank()) {
            return List.of();
        }
        List<Piece> out = new java.util.ArrayList<>();
        for (String token : data.trim().split("\\s+")) {
            int x = token.lastIndexOf('×');
            if (x <= 0) {
                continue;
            }
            String what = token.substring(0, x);
            char letter = what.length() == 1 ? what.charAt(0) : '?';
            try {
                out.add(new Piece(letter, Long.parseLong(token.substring(x + 1))));
            } catch (NumberFormatException e) {
                // not a run: skip it
            }
        }
        return out;
    }
}
