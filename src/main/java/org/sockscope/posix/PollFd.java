package org.sockscope.posix;

/** One entry of poll()'s array: the descriptor, the events asked for, and the events returned. */
public record PollFd(int fd, short events, short revents) {

    /** An entry asking for {@code events} on {@code fd}. */
    public static PollFd of(int fd, short events) {
        return new PollFd(fd, events, (short) 0);
    }

    /** True when {@code revents} has any of {@code mask}. */
    public boolean has(short mask) {
        return (revents & mask) != 0;
    }
}
