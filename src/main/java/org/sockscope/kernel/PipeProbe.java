package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;

/**
 * Reads a pipe's inode (fstat), fill (FIONREAD) and capacity (F_GETPIPE_SZ). Both work on either
 * end (one pipe, one buffer; checked here), so a process holding only the write end reads them too.
 */
public final class PipeProbe {
    private PipeProbe() {
    }

    /** The pipe's figures now, or null when the read end no longer refers to a pipe (closed). */
    public static PipeFigures probe(int readFd, int writeFd) {
        int fd = readFd >= 0 ? readFd : writeFd;
        SysResult inode = Libc.inode(fd);
        SysResult queued = Libc.ioctlInt(fd, LinuxAbi.FIONREAD);
        if (inode.failed() || queued.failed()) {
            return null;
        }
        return new PipeFigures(inode.value(), readFd, writeFd, queued.intValue(),
                Figure.of(Libc.fcntl(fd, LinuxAbi.F_GETPIPE_SZ, 0)));
    }
}
