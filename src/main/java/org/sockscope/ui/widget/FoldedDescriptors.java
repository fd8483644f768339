package org.sockscope.ui.widget;

import java.util.List;

/**
 * The rest of the process's descriptor table, folded into one line: the JVM's jars, the display
 * connection, event fds and so on.
 *
 * @param count   how many descriptors
 * @param summary what they are, briefly ({@code JVM ×5, display, epoll ×2})
 * @param lines   one line per descriptor ({@code 3  /usr/lib/jvm/…/lib/modules})
 */
public record FoldedDescriptors(int count, String summary, List<String> lines) {
    /** Not read yet. */
    public static final FoldedDescriptors UNKNOWN = new FoldedDescriptors(-1, "", List.of());
    /** A replay whose recording does not hold it (threads of SockScope's process: its own table was read live, not recorded). */
    public static final FoldedDescriptors NOT_RECORDED = new FoldedDescriptors(-2, "", List.of());

    public FoldedDescriptors {
        lines = List.copyOf(lines);
    }
}
