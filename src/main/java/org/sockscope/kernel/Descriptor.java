package org.sockscope.kernel;

/**
 * One entry of a process's descriptor table, as {@code /proc/<pid>/fd} and the socket calls
 * describe it.
 *
 * @param fd      the descriptor number
 * @param kind    what it refers to
 * @param target  the link text of {@code /proc/<pid>/fd/<fd>} ({@code socket:[12345]}, a path, …)
 * @param local   for a socket, its local address ({@code 127.0.0.1:40312}); else empty
 * @param remote  for a connected socket, the peer's address; else empty
 * @param state   for a TCP socket, its state ({@code ESTABLISHED}, {@code LISTEN}); else empty
 */
public record Descriptor(int fd, Kind kind, String target, String local, String remote, String state) {

    /** What a descriptor refers to. */
    public enum Kind { SOCKET, PIPE_READ, PIPE_WRITE, FILE, ANON_INODE, OTHER }

    /** A descriptor that is not a socket. */
    public static Descriptor of(int fd, Kind kind, String target) {
        return new Descriptor(fd, kind, target, "", "", "");
    }
}
