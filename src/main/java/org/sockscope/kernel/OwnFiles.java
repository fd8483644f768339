package org.sockscope.kernel;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * SockScope's own file reads ({@code /proc}) and the lab's calls on a descriptor number that no lab
 * descriptor holds exclude each other. The lab shares one descriptor table with SockScope (one JVM):
 * a {@code /proc} read on another thread takes the lowest free number for a moment, and a call on a
 * freed number would then reach that file instead of getting the kernel's answer for a free slot.
 */
public final class OwnFiles {
    private OwnFiles() {
    }

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    /**
     * How long a read waits for a call on a freed number. Such a call returns at once (nothing is
     * there to wait for); the bound only keeps a probe from hanging should it not.
     */
    private static final long WAIT_MILLIS = 100;

    /** A read that opens, reads and closes a file. */
    @FunctionalInterface
    public interface Read<T> {
        T read() throws IOException;
    }

    /** Runs {@code r}, which opens a file of SockScope's own, outside any call on a freed number. */
    public static <T> T read(Read<T> r) throws IOException {
        boolean locked = false;
        try {
            locked = LOCK.readLock().tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return r.read();
        } finally {
            if (locked) {
                LOCK.readLock().unlock();
            }
        }
    }

    /** Held while the lab makes a call on a number no lab descriptor holds: SockScope opens no file meanwhile. */
    public static final class Exclusive implements AutoCloseable {
        private Exclusive() {
            LOCK.writeLock().lock();
        }

        @Override
        public void close() {
            LOCK.writeLock().unlock();
        }
    }

    /** Waits until no file of SockScope's own is open for a read, and keeps it so until closed. */
    public static Exclusive exclusive() {
        return new Exclusive();
    }
}
