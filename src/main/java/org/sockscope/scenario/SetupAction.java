package org.sockscope.scenario;

/**
 * A call made during set-up, after the processes, connections and pipes exist and before step 1.
 *
 * @param process    the process it runs in: the owner of the call's first descriptor
 * @param call       the call
 * @param sourceLine the line in the scenario file (1-based)
 */
public record SetupAction(String process, Call call, int sourceLine) {
}
