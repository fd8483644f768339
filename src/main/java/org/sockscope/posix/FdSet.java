package org.sockscope.posix;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java mirror of C's {@code fd_set}: {@code FD_ZERO}, {@code FD_SET}, {@code FD_CLR},
 * {@code FD_ISSET}. Like glibc's fortified macros it refuses descriptors outside
 * [0, {@link LinuxAbi#FD_SETSIZE}).
 */
public final class FdSet {
    static final int WORDS = LinuxAbi.FD_SETSIZE / 64;
    private final long[] bits = new long[WORDS];

    /** {@code FD_ZERO}. */
    public FdSet zero() {
        java.util.Arrays.fill(bits, 0L);
        return this;
    }

    /** {@code FD_SET}. */
    public FdSet set(int fd) {
        check(fd);
        bits[fd >>> 6] |= 1L << (fd & 63);
        return this;
    }

    /** {@code FD_CLR}. */
    public FdSet clear(int fd) {
        check(fd);
        bits[fd >>> 6] &= ~(1L << (fd & 63));
        return this;
    }

    /** {@code FD_ISSET}. */
    public boolean isSet(int fd) {
        check(fd);
        return (bits[fd >>> 6] & (1L << (fd & 63))) != 0;
    }

    /** The descriptors in the set, ascending. */
    public List<Integer> members() {
        List<Integer> out = new ArrayList<>();
        for (int fd = 0; fd < LinuxAbi.FD_SETSIZE; fd++) {
            if ((bits[fd >>> 6] & (1L << (fd & 63))) != 0) {
                out.add(fd);
            }
        }
        return out;
    }

    /** One more than the highest member, as select()'s first argument wants; 0 when empty. */
    public int nfds() {
        List<Integer> m = members();
        return m.isEmpty() ? 0 : m.getLast() + 1;
    }

    long word(int i) {
        return bits[i];
    }

    void word(int i, long value) {
        bits[i] = value;
    }

    private static void check(int fd) {
        if (fd < 0 || fd >= LinuxAbi.FD_SETSIZE) {
            throw new IllegalArgumentException("descriptor " + fd + " is outside an fd_set: select() only takes 0.."
                    + (LinuxAbi.FD_SETSIZE - 1) + " (FD_SETSIZE); use poll() for larger descriptors");
        }
    }

    @Override
    public String toString() {
        return members().toString();
    }
}
