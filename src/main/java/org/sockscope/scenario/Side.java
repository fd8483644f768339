package org.sockscope.scenario;

/** One end of a TCP connection: the end that called {@code connect()} or the accepted one. */
public enum Side {
    CLIENT, SERVER;

    /** The name used after the dot in scenario files ({@code conn.client}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
