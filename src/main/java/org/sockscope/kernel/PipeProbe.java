package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;

/** Reads a pipe's inode (fstat), fill (FIONREAD on the read end) and capacity (F_GETPIPE_SZ). */
public final class PipeProbe {
    private PipeProbe() {
    }

    /** The pipe's figures now, or null when the read end no longer refers to a pipe (closed). */
    public static PipeFigures probe(int readFd, int writeFd) {
        SysResult inode = Libc.inode(readFd);
        SysResult queued = Libc.ioctlInt(readFd, LinuxAbi.FIONREAD);
        if (inode.failed() || queued.failed()) {
            return null;
        }
        return new PipeFigures(inode.value(), readFd, writeFd, queued.intValue(),
                Figure.of(Libc.fcntl(readFd, LinuxAbi.F_GETPIPE_SZ, 0)));
    }
}
