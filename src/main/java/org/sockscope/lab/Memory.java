package org.sockscope.lab;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lesson's global variables of one process, in its user-space memory (a map on the JVM's
 * heap): every thread of the process sees the same ones (the lecture's "spawned thread shares
 * memory"); another process has its own. Not kernel figures: what a thread stored, read back.
 */
public final class Memory {
    private final Map<String, Long> variables = new ConcurrentHashMap<>();

    /** {@code name = value}. */
    Call.Result store(Call.Store s) {
        variables.put(s.name(), s.value());
        return new Call.Result(org.sockscope.posix.SysResult.ok(s.value()), "");
    }

    /** The value the variable holds; one never stored has no value, so the read is refused. */
    Call.Result load(Call.Load l) {
        Long v = variables.get(l.name());
        if (v == null) {
            throw new IllegalStateException(l.name() + " was never set in this process's memory");
        }
        return new Call.Result(org.sockscope.posix.SysResult.ok(v), "");
    }

    /** Every variable and its value now, by name. */
    public Map<String, Long> snapshot() {
        return new TreeMap<>(variables);
    }

    /** Gives this process a copy of its parent's variables, as they were when it was spawned. */
    public void copyFrom(Map<String, Long> parent) {
        variables.putAll(parent);
    }

    void clear() {
        variables.clear();
    }
}
