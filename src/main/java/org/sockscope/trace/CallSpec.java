package org.sockscope.trace;

/**
 * A system call as the program asked for it, before the kernel answered.
 *
 * @param name   the call's C name ({@code send}, {@code recv}, {@code read}, {@code fcntl}, …)
 * @param fd     the descriptor it acts on (-1 when none, e.g. {@code socket()} or {@code pipe()})
 * @param length the application buffer's byte count (the {@code len} argument), 0 when none
 * @param flags  the flags argument as the program passed it (before SockScope adds MSG_NOSIGNAL)
 * @param text   the call as C code writes it: {@code recv(5, r_buf, 200, MSG_DONTWAIT)}
 */
public record CallSpec(String name, int fd, long length, int flags, String text) {

    /** True for calls that move bytes between an application buffer and the kernel. */
    public boolean movesBytes() {
        return switch (name) {
            case "send", "recv", "read", "write", "sendto", "recvfrom" -> true;
            default -> false;
        };
    }

    /**
     * True for the calls the lab makes through the call meter (posix.Libc's metered calls: those
     * that can wait, and SockScope's fill/drain loops of send/recv). Only for these does a
     * {@link CallOutcome} hold the time inside the system call and the thread's context switches;
     * for the others (fcntl, setsockopt, shutdown, close, socket, …) those figures were not measured.
     */
    public boolean metered() {
        return switch (name) {
            case "send", "recv", "read", "write", "sendto", "recvfrom", "accept", "connect", "select", "poll", "usleep",
                 "fill", "drain" -> true;
            default -> false;
        };
    }

    /** True for calls that copy bytes into the kernel (send, sendto, write). Not a JSON property. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isWrite() {
        return name.equals("send") || name.equals("sendto") || name.equals("write");
    }
}
