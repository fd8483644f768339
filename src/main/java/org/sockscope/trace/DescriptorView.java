package org.sockscope.trace;

import org.sockscope.kernel.Descriptor;

/** A descriptor the lab opened, with the process that uses it and the lab's label for it. */
public record DescriptorView(String process, Descriptor descriptor, String label) {

    /** The descriptor number. */
    public int fd() {
        return descriptor.fd();
    }
}
