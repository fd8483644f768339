package org.sockscope.ui.widget;

/**
 * One entry of a descriptor table as drawn.
 *
 * @param fd     the descriptor number (the lecture's "socket() returns 7")
 * @param kind   what it refers to ({@code socket}, {@code pipe read end})
 * @param detail the lab's label and addresses ({@code client 127.0.0.1:40312 → 127.0.0.1:38211})
 * @param state  TCP state for sockets, else empty
 * @param owner  the process (actor) that uses it
 * @param mine   true when the table is drawn for {@code owner} (drawn prominently)
 */
public record DescriptorRow(int fd, String kind, String detail, String state, String owner, boolean mine) {

    /**
     * A descriptor's state as drawn: a socket's TCP state as the kernel names it ({@code
     * TCP_INFO}), with what the slides call it where the name alone misleads — a socket with no
     * connection is in state CLOSE, which the lecture calls "not connected"; else the descriptor's
     * own state ({@code open}).
     */
    public static String state(org.sockscope.kernel.SocketFigures f, org.sockscope.kernel.Descriptor d) {
        if (f == null || f.tcpStateName().isEmpty()) {
            return d.state();
        }
        if (!f.tcp()) {
            return f.protocolName(); // UDP, AF_UNIX: no TCP state to show
        }
        return f.tcpStateName().equals("CLOSE") ? "not connected (TCP state CLOSE)" : f.tcpStateName();
    }

    /** How a descriptor's kind is named on screen ({@code "pipe, read end"}). */
    public static String kindName(org.sockscope.kernel.Descriptor.Kind kind) {
        return switch (kind) {
            case SOCKET -> "socket";
            case PIPE_READ -> "pipe, read end";
            case PIPE_WRITE -> "pipe, write end";
            case FILE -> "file";
            case ANON_INODE -> "anon inode";
            case OTHER -> "other";
        };
    }
}
