package org.sockscope.ui.replay;

import org.sockscope.trace.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * The moments a replay steps through: the world right before each call starts (so a moment shows
 * the previous call's return and the kernel figures read after it), and the end of the recording.
 * Each moment is the index of the last event it includes; -1 is the world before any event.
 */
final class Moments {
    private Moments() {
    }

    static long[] of(List<Event> events) {
        List<Long> marks = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Event.CallStarted && (marks.isEmpty() || marks.getLast() != i - 1)) {
                marks.add(i - 1L);
            }
        }
        if (marks.isEmpty() || marks.getLast() != events.size() - 1) {
            marks.add(events.size() - 1L);
        }
        return marks.stream().mapToLong(Long::longValue).toArray();
    }
}
