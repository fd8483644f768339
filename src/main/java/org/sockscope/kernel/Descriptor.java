package org.sockscope.kernel;

/**
 * One entry of a process's descriptor table, as {@code /proc/<pid>/fd} and the socket calls
 * describe it. The number is a slot the kernel reuses; {@link #identity()} is what the slot
 * refers to, as the kernel names it.
 *
 * @param fd       the descriptor number
 * @param kind     what it refers to
 * @param identity the kernel's id of what it refers to: a socket's {@code SO_COOKIE}, a pipe's
 *                 inode (both ends share it; {@code kind} tells the end); -1 when not known
 * @param target   the link text of {@code /proc/<pid>/fd/<fd>} ({@code socket:[12345]}, a path, …)
 * @param local    for a socket, its local address ({@code 127.0.0.1:40312}); else empty
 * @param remote   for a connected socket, the peer's address; else empty
 * @param state    for a TCP socket, its state ({@code ESTABLISHED}, {@code LISTEN}); else empty
 */
public record Descriptor(int fd, Kind kind, long identity, String target, String local, String remote, String state) {

    /** What a descriptor refers to. */
    public enum Kind { SOCKET, PIPE_READ, PIPE_WRITE, FILE, ANON_INODE, OTHER }

    /** A descriptor that is not a socket. */
    public static Descriptor of(int fd, Kind kind, long identity, String target) {
        return new Descriptor(fd, kind, identity, target, "", "", "");
    }

    /** True when both name the same kernel object (and the same end of a pipe). */
    public boolean sameObject(Descriptor other) {
        return other != null && identity >= 0 && identity == other.identity && kind == other.kind;
    }

    /** The identity as the screen and the transcript say it: {@code socket #8193}, {@code pipe inode 12345}. */
    public String identityText() {
        if (identity < 0) {
            return target;
        }
        return switch (kind) {
            case SOCKET -> "socket #" + identity;
            case PIPE_READ -> "pipe inode " + identity + " (read end)";
            case PIPE_WRITE -> "pipe inode " + identity + " (write end)";
            default -> target;
        };
    }

    /** The inode in a {@code /proc/<pid>/fd} link such as {@code pipe:[12345]}, or -1. */
    public static long inodeOf(String target) {
        int open = target.indexOf(":[");
        if (open < 0 || !target.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(target.substring(open + 2, target.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
