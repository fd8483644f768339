package org.sockscope.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The calling thread's own {@code /proc/thread-self/schedstat}, kept open and re-read with one
 * {@code pread} (about 1 µs; opening the file each time costs about 17 µs) for its second field:
 * nanoseconds runnable but waiting for a CPU (exact whenever the thread reads it, since it is
 * running then). Its first field, time on a CPU, lags until the scheduler next updates it, so CPU
 * time is read from {@code CLOCK_THREAD_CPUTIME_ID} instead. One per thread, read only by that thread.
 */
public final class SelfSchedstat {
    private static final ThreadLocal<SelfSchedstat> MINE = ThreadLocal.withInitial(SelfSchedstat::new);

    private final ByteBuffer buf = ByteBuffer.allocateDirect(128);
    private FileChannel channel;
    private long wait = -1;

    private SelfSchedstat() {
        try {
            channel = OwnFiles.read(() -> FileChannel.open(Path.of("/proc/thread-self/schedstat")));
        } catch (IOException | UnsupportedOperationException e) {
            channel = null;
        }
    }

    /** Reads the calling thread's figures now; then {@link #waitNanos()} holds them (-1: unreadable). */
    public static SelfSchedstat read() {
        SelfSchedstat s = MINE.get();
        s.refresh();
        return s;
    }

    /** Closes the calling thread's file (call when the thread ends). */
    public static void release() {
        SelfSchedstat s = MINE.get();
        MINE.remove();
        try {
            if (s.channel != null) {
                s.channel.close();
            }
        } catch (IOException e) {
            // nothing left to read from it either way
        }
    }

    /** Nanoseconds runnable but waiting for a CPU at the last read, -1 when unreadable. */
    public long waitNanos() {
        return wait;
    }

    private void refresh() {
        wait = -1;
        if (channel == null) {
            return;
        }
        try {
            buf.clear();
            channel.read(buf, 0);
        } catch (IOException e) {
            return;
        }
        int i = 0;
        int n = buf.position();
        int digits = 0;
        for (; i < n && buf.get(i) != ' '; i++, digits++) {
            // skip the first field (time on a CPU)
        }
        long b = 0;
        int digits2 = 0;
        for (i++; i < n && buf.get(i) >= '0' && buf.get(i) <= '9'; i++, digits2++) {
            b = b * 10 + (buf.get(i) - '0');
        }
        if (digits > 0 && digits2 > 0) {
            wait = b;
        }
    }
}
