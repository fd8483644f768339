package org.sockscope.ui.playground;

/** The two processes of the playground: P1, the client, and P2, the server. */
public enum Side {
    /** P1: connects; its socket is the connection's client end. */
    CLIENT("P1", "client", "p1"),
    /** P2: accepted the connection; its socket is the server end. */
    SERVER("P2", "server", "p2");

    private final String process;
    private final String role;
    private final String idPrefix;

    Side(String process, String role, String idPrefix) {
        this.process = process;
        this.role = role;
        this.idPrefix = idPrefix;
    }

    /** The process (and actor) name, {@code P1}. */
    public String process() {
        return process;
    }

    /** {@code client} or {@code server}: the lab's label of this side's socket. */
    public String role() {
        return role;
    }

    /** The heading, {@code P1 (client)}. */
    public String heading() {
        return process + " (" + role + ")";
    }

    /** The prefix of this side's node ids ({@code p1} → {@code #p1Send}). */
    public String id(String suffix) {
        return idPrefix + suffix;
    }

    /** The side whose process is called {@code process}, if any. */
    public static java.util.Optional<Side> valueOfProcess(String process) {
        for (Side s : values()) {
            if (s.process.equals(process)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The other side. */
    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
