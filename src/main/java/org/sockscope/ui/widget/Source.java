package org.sockscope.ui.widget;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * Where a figure on screen came from (DESIGN.md rule 4). Every figure carries one, shown in a
 * tooltip: a system call's return value, what the calling thread measured around its call, a kernel
 * probe's reading, or something SockScope derived.
 */
public enum Source {
    /** The value a system call returned (or an argument the program passed it, as the detail says). */
    SYSCALL("syscall", "what the system call returned, or what the program passed to it"),
    /**
     * The kernel's clock and counters as the actor thread read them itself, right before and after
     * the call it made (CLOCK_MONOTONIC, getrusage RUSAGE_THREAD, its own schedstat).
     */
    MEASURED("measured on the actor thread", "the thread that made the call read the kernel's clock and"
            + " its own counters right before and after it"),
    /** A reading of the kernel's state by a probe (ioctl, getsockopt, TCP_INFO, /proc), not by the call itself. */
    KERNEL("kernel probe", "read from the kernel"),
    /** Computed by SockScope from kernel figures and return values, not read directly. */
    DERIVED("derived", "computed by SockScope, not read from the kernel");

    /** When the sampler reads a socket's figures, for the tooltips of kernel-probe figures. */
    public static final String SAMPLED = "read by the kernel sampler thread at each poll (its rate is on the ● LIVE"
            + " badge) and right after a call returns; while a loop of calls runs on the socket it is not probed, and"
            + " its last reading stays";

    private static final String KEY = "sockscope.source.tooltip";
    private final String label;
    private final String meaning;

    Source(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** The short name shown on screen ({@code kernel probe}). */
    public String label() {
        return label;
    }

    /** The tooltip text for a figure of this source with {@code detail} (how exactly it was obtained). */
    public String describe(String detail) {
        return "Source: " + label + " — " + meaning + (detail.isEmpty() ? "" : "\n" + detail);
    }

    /** Shows this source and {@code detail} on hover over {@code node}; updates the text if already installed. */
    public void install(Node node, String detail) {
        String text = describe(detail);
        Object existing = node.getProperties().get(KEY);
        if (existing instanceof Tooltip t) {
            if (!t.getText().equals(text)) {
                t.setText(text);
            }
            return;
        }
        Tooltip t = new Tooltip(text);
        t.getStyleClass().add("source-tooltip");
        t.setShowDelay(Duration.millis(250));
        t.setShowDuration(Duration.seconds(30));
        t.setWrapText(true);
        t.setMaxWidth(520);
        node.getProperties().put(KEY, t);
        if (node instanceof Control c) {
            c.setTooltip(t);
        } else {
            Tooltip.install(node, t);
        }
    }

    /** The tooltip text installed on {@code node}, or empty (for tests). */
    public static String tooltipOf(Node node) {
        return node.getProperties().get(KEY) instanceof Tooltip t ? t.getText() : "";
    }
}
