package org.sockscope.scenario;

import java.util.List;

/**
 * The C source shown for one process; steps highlight its lines by number (1-based).
 *
 * @param process the process it belongs to
 * @param lines   the source lines, without line terminators
 */
public record CodeListing(String process, List<String> lines) {

    public CodeListing {
        lines = List.copyOf(lines);
    }

    /** Line {@code n}, counting from 1. */
    public String line(int n) {
        return lines.get(n - 1);
    }

    /** The listing as one text. */
    public String text() {
        return String.join("\n", lines);
    }
}
