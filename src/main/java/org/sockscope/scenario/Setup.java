package org.sockscope.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What exists before the first step: processes (or threads), connected TCP pairs, pipes,
 * listening sockets, and set-up actions that run in order after those are created.
 *
 * @param processes the processes and threads that make calls
 * @param tcp       connected loopback TCP pairs
 * @param pipes     pipes
 * @param listeners listening loopback TCP sockets
 * @param actions   calls run after everything above exists and before step 1 (e.g. {@code fill(conn.client)})
 */
public record Setup(List<ProcessSpec> processes, List<TcpSpec> tcp, List<PipeSpec> pipes,
                    List<ListenerSpec> listeners, List<SetupAction> actions) {

    public Setup {
        processes = List.copyOf(processes);
        tcp = List.copyOf(tcp);
        pipes = List.copyOf(pipes);
        listeners = List.copyOf(listeners);
        actions = List.copyOf(actions);
    }

    /** The process (or thread) with this name, if declared. */
    public Optional<ProcessSpec> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
