package org.sockscope.trace;

import org.sockscope.kernel.Descriptor;

/**
 * A descriptor the lab opened, with the process that uses it, the lab's label for it, the other
 * end of its connection or pipe (-1 when none) and the buffer sizes the program requested (0: not
 * set).
 */
public record DescriptorView(String process, Descriptor descriptor, String label, int peerFd,
                             int requestedSndbuf, int requestedRcvbuf) {

    /** The descriptor number. */
    public int fd() {
        return descriptor.fd();
    }
}
