package org.sockscope.kernel;

/**
 * One pipe's figures from the kernel.
 *
 * @param readFd   the read end
 * @param writeFd  the write end
 * @param queued   {@code ioctl(FIONREAD)} on the read end: bytes waiting to be read
 * @param capacity {@code fcntl(F_GETPIPE_SZ)}: the pipe's capacity in bytes
 */
public record PipeFigures(int readFd, int writeFd, int queued, int capacity) {
}
