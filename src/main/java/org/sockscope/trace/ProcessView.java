package org.sockscope.trace;

import org.sockscope.kernel.Descriptor;

import java.util.List;

/**
 * A process of the lesson as the trace last said: its pid, how it ended ({@code exit} is empty
 * while it runs), and the descriptors its runtime held before the lesson's first call.
 */
public record ProcessView(String name, int pid, String exit, List<Descriptor> own) {
    public ProcessView {
        own = List.copyOf(own);
    }

    /** True while the process runs. */
    public boolean running() {
        return exit.isEmpty();
    }
}
