package org.sockscope.bench.ui;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stop-the-world collections, from the JVM's GC notifications, on the System.nanoTime() clock,
 * so frames that overlapped one can be told apart. Concurrent cycles (names with "Cycles" or
 * "Concurrent") are ignored: they do not stop the FX thread.
 */
final class GcPauses implements AutoCloseable {
    private record Pause(long startNanos, long endNanos) {
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final Set<String> names = new TreeSet<>();
    private final long uptimeToNanos;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, h) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (info.getGcName().contains("Cycles") || info.getGcName().contains("Concurrent")) {
            return;
        }
        long start = uptimeToNanosNow(info.getGcInfo().getStartTime());
        long end = uptimeToNanosNow(info.getGcInfo().getEndTime());
        synchronized (this) {
            pauses.add(new Pause(start, Math.max(end, start + 1)));
            names.add(info.getGcName());
        }
    };

    GcPauses() {
        uptimeToNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    private long uptimeToNanosNow(long uptimeMillis) {
        return uptimeToNanos + uptimeMillis * 1_000_000L;
    }

    /** True when a pause overlapped {@code [from, to]} (System.nanoTime() values, ±1 ms). */
    synchronized boolean overlaps(long from, long to) {
        for (Pause p : pauses) {
            if (p.startNanos() - 1_000_000 < to && p.endNanos() + 1_000_000 > from) {
                return true;
            }
        }
        return false;
    }

    synchronized int count() {
        return pauses.size();
    }

    synchronized double totalMillis() {
        return pauses.stream().mapToLong(p -> p.endNanos() - p.startNanos()).sum() / 1e6;
    }

    synchronized double maxMillis() {
        return pauses.stream().mapToLong(p -> p.endNanos() - p.startNanos()).max().orElse(0) / 1e6;
    }

    synchronized String collectors() {
        return String.join(", ", names);
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
