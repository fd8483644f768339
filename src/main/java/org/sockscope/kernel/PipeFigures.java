package org.sockscope.kernel;

/**
 * One pipe's figures from the kernel; a negative figure is {@code -errno} of the call that could
 * not read it ({@link Figure}).
 *
 * @param inode    the pipe's inode ({@code pipe:[inode]}), the key its figures are filed under
 * @param readFd   the read end
 * @param writeFd  the write end
 * @param queued   {@code ioctl(FIONREAD)} on the read end: bytes waiting to be read
 * @param capacity {@code fcntl(F_GETPIPE_SZ)}: the pipe's capacity in bytes
 */
public record PipeFigures(long inode, int readFd, int writeFd, int queued, int capacity) {
}
