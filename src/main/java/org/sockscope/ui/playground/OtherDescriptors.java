package org.sockscope.ui.playground;

import org.sockscope.kernel.Descriptor;
import org.sockscope.ui.widget.FoldedDescriptors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Folds the descriptors the lab did not open into one line ("23 other descriptors: JVM ×6, …"). */
final class OtherDescriptors {
    private OtherDescriptors() {
    }

    /** The descriptors of {@code table} not in {@code labFds}, summarised. */
    static FoldedDescriptors fold(List<Descriptor> table, Set<Integer> labFds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Descriptor d : table) {
            if (labFds.contains(d.fd())) {
                continue;
            }
            n++;
            String what = category(d);
            counts.merge(what, 1, Integer::sum);
            lines.add(String.format("%4d  %-10s %s", d.fd(), what, d.target()));
        }
        String summary = counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
        return new FoldedDescriptors(n, summary.isEmpty() ? "none" : summary, lines);
    }

    /** A short name for what a descriptor is there for. */
    static String category(Descriptor d) {
        String t = d.target();
        if (d.fd() <= 2) {
            return "stdio";
        }
        return switch (d.kind()) {
            case FILE -> t.contains("/jvm/") || t.contains("/lib/modules") || t.endsWith(".jar") || t.contains("/.m2/")
                    ? "JVM" : t.startsWith("/dev/") ? "device" : "file";
            case SOCKET -> "socket";
            case PIPE_READ, PIPE_WRITE -> "pipe";
            case ANON_INODE -> {
                int a = t.indexOf('['), b = t.indexOf(']');
                yield a >= 0 && b > a ? t.substring(a + 1, b) : "anon inode";
            }
            case OTHER -> t.startsWith("/dev/") ? "device" : "other";
        };
    }
}
