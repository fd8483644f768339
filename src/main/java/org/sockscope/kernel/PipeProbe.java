package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;

/** Reads a pipe's fill (FIONREAD on the read end) and capacity (F_GETPIPE_SZ). */
public final class PipeProbe {
    private PipeProbe() {
    }

    /** The pipe's figures now, or null when the read end is closed. */
    public static PipeFigures probe(int readFd, int writeFd) {
        SysResult queued = Libc.ioctlInt(readFd, LinuxAbi.FIONREAD);
        if (queued.failed()) {
            return null;
        }
        SysResult cap = Libc.fcntl(readFd, LinuxAbi.F_GETPIPE_SZ, 0);
        return new PipeFigures(readFd, writeFd, queued.intValue(), cap.failed() ? 0 : cap.intValue());
    }
}
