package org.sockscope.trace;

import org.sockscope.kernel.Descriptor;

/**
 * A descriptor the lab opened, with the process that uses it, the lab's label for it, the other
 * end of its connection or pipe (its number, -1 when none, and its kernel identity) and the buffer sizes the program requested (0: not
 * set).
 */
public record DescriptorView(String process, Descriptor descriptor, String label, int peerFd, long peerIdentity,
                             int requestedSndbuf, int requestedRcvbuf) {

    /** The descriptor number. */
    public int fd() {
        return descriptor.fd();
    }

    /** Its place: this process's table, this number. */
    public Slot slot() {
        return new Slot(process, fd());
    }

    /** The kernel's id of what the descriptor refers to ({@link Descriptor#identity()}). */
    public long identity() {
        return descriptor.identity();
    }
}
