package org.sockscope.trace;

/**
 * A place in one process's descriptor table: the number {@code fd} of {@code process}. Two
 * processes each have their own slot 5; what a slot refers to is named by the kernel's identity.
 */
public record Slot(String process, int fd) implements Comparable<Slot> {

    @Override
    public int compareTo(Slot o) {
        int c = process.compareTo(o.process);
        return c != 0 ? c : Integer.compare(fd, o.fd);
    }

    @Override
    public String toString() {
        return process + " fd " + fd;
    }
}
