package org.sockscope.lab;

import org.sockscope.posix.SysResult;

import java.util.Map;

/** Starts the new process of a {@link Call.Spawn}; only a process actor can (a thread of the app cannot start one). */
public interface Spawner {

    /**
     * Starts process {@code call.name()} from the calling thread, which the child's death signal
     * follows; {@code lesson} is every descriptor the lab holds now, with its label. Returns what
     * {@code posix_spawn} returned: the pid, or -1 with its error number.
     */
    SysResult spawn(Call.Spawn call, Map<Integer, String> lesson);
}
