package org.sockscope.scenario;

import java.util.Optional;

/**
 * A process that makes calls, or a thread of one. A thread shares its process's descriptor table;
 * a process has its own.
 *
 * @param name     the name steps refer to
 * @param threadOf the process this thread belongs to, or empty for a process
 */
public record ProcessSpec(String name, Optional<String> threadOf) {

    /** The process whose descriptor table this one uses: itself, or the process it is a thread of. */
    public String table() {
        return threadOf.orElse(name);
    }
}
