package org.sockscope.scenario;

import java.util.Optional;

/**
 * A process that makes calls, or a thread of one. A thread shares its process's descriptor table;
 * a process has its own.
 *
 * @param name      the name steps refer to
 * @param threadOf  the process this thread belongs to, or empty for a process
 * @param spawnedBy the process or thread whose {@code spawn(name)} step starts this one, or empty
 *                  when it exists from the start
 */
public record ProcessSpec(String name, Optional<String> threadOf, Optional<String> spawnedBy) {

    /** One that exists from the start. */
    public ProcessSpec(String name, Optional<String> threadOf) {
        this(name, threadOf, Optional.empty());
    }

    /** The process whose descriptor table this one uses: itself, or the process it is a thread of. */
    public String table() {
        return threadOf.orElse(name);
    }

    /** True for a process (not a thread) that a step spawns: it needs real processes. */
    public boolean spawnedProcess() {
        return spawnedBy.isPresent() && threadOf.isEmpty();
    }
}
