package org.sockscope.kernel;

import org.sockscope.posix.Errno;
import org.sockscope.posix.SysResult;

/**
 * How a probe's figure records a failed read: a byte count, size or state is never negative, so a
 * negative figure is {@code -errno} of the call that could not read it. Nothing unreadable is ever
 * shown as 0.
 */
public final class Figure {
    private Figure() {
    }

    /** The figure of a probe call: its value, or {@code -errno} when it failed. */
    public static int of(SysResult r) {
        return r.failed() ? -r.errno() : Math.toIntExact(r.value());
    }

    /** The figure as text: the number, or {@code unreadable: EINVAL}. */
    public static String text(long figure) {
        return figure >= 0 ? Long.toString(figure) : "unreadable: " + Errno.name(Math.toIntExact(-figure));
    }

    /** The figure with a unit ({@code 4096 B}), or {@code unreadable: EINVAL}. */
    public static String bytes(long figure) {
        return figure >= 0 ? figure + " B" : text(figure);
    }
}
