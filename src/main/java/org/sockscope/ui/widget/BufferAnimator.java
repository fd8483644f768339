package org.sockscope.ui.widget;

import java.util.Arrays;
import java.util.List;

/**
 * Moves a buffer's drawn span boundaries smoothly toward the kernel's latest figures, one step per
 * frame (exponential approach, time constant {@link #TAU_NANOS}). The numbers printed beside the
 * drawing are always the exact figures; only the drawing glides.
 */
final class BufferAnimator {
    static final double TAU_NANOS = 60e6;
    private double[] shown = new double[0];
    private long[] target = new long[0];

    /** Sets the figures to move toward; snaps when the shape changed or the jump is far off screen. */
    void retarget(List<BufferContent.Span> spans, long capacity) {
        long[] t = boundaries(spans);
        boolean snap = t.length != shown.length
                || (t.length > 0 && Math.abs(t[0] - shown[0]) > 4 * Math.max(capacity, 1));
        target = t;
        if (snap) {
            shown = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                shown[i] = t[i];
            }
        }
    }

    /** Advances by {@code dtNanos}; returns true when every boundary reached its target. */
    boolean step(long dtNanos) {
        double alpha = 1 - Math.exp(-Math.max(0, dtNanos) / TAU_NANOS);
        boolean settled = true;
        for (int i = 0; i < shown.length; i++) {
            double d = target[i] - shown[i];
            if (Math.abs(d) < 0.5) {
                shown[i] = target[i];
            } else {
                shown[i] += d * alpha;
                settled = false;
            }
        }
        return settled;
    }

    boolean settled() {
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] != target[i]) {
                return false;
            }
        }
        return true;
    }

    /** The drawn position of boundary {@code i} (0: the buffer's head). */
    double shown(int i) {
        return shown[i];
    }

    long target(int i) {
        return target[i];
    }

    int size() {
        return shown.length;
    }

    double[] shownCopy() {
        return Arrays.copyOf(shown, shown.length);
    }

    private static long[] boundaries(List<BufferContent.Span> spans) {
        if (spans.isEmpty()) {
            return new long[0];
        }
        long[] b = new long[spans.size() + 1];
        for (int i = 0; i < spans.size(); i++) {
            b[i] = spans.get(i).from();
        }
        b[spans.size()] = spans.getLast().to();
        return b;
    }
}
