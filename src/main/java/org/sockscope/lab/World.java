package org.sockscope.lab;

import org.sockscope.kernel.Descriptor;
import org.sockscope.trace.Trace;

import java.util.Collection;

/**
 * The processes of a lesson, their threads and the descriptors they hold, recorded in one trace:
 * either threads of this JVM sharing its one table ({@link Lab}) or real child processes, each with
 * its own table ({@code lab.agent.ProcessWorld}). The scenario runner and the playground use only this.
 */
public interface World extends AutoCloseable {

    /** The trace everything is recorded in. */
    Trace trace();

    /** The kernel probes' period. */
    long samplerPeriodNanos();

    /** Reads every socket and pipe now; returns once the reading is in the trace. */
    void sampleNow();

    /** Starts these processes (all at once where that is quicker); a later {@link #actor} finds them started. */
    default void start(Collection<String> processes) throws LabException {
        for (String p : processes) {
            actor(p, p);
        }
    }

    /** The thread {@code name} of process {@code process}, started if new. */
    Performer actor(String name, String process) throws LabException;

    /**
     * A connected TCP pair over 127.0.0.1: the client socket in {@code clientProcess}, the server
     * socket in {@code serverProcess}, each number in its own process's table.
     */
    Lab.Connection connect(String clientProcess, String serverProcess, SocketOptions client, SocketOptions server)
            throws LabException;

    /** A pipe whose write end {@code writerProcess} holds and whose read end {@code readerProcess} holds. */
    Lab.PipeEnds pipe(String writerProcess, String readerProcess) throws LabException;

    /** A listening socket of {@code process} on 127.0.0.1, kernel-chosen port. */
    int listen(String process, SocketOptions options, int backlog) throws LabException;

    /** Wakes {@code actor}'s blocked call the way the kernel allows from outside; false when none was in flight. */
    boolean cancel(Performer actor) throws LabException;

    /** What descriptor {@code fd} of {@code process} refers to, as described when it was opened; null when none. */
    Descriptor described(String process, int fd);

    /**
     * Turns every process's kernel readings (the sampler) on or off, to measure what observing
     * costs; returns, per process, {@code {samples taken so far, mean µs per sample}}.
     */
    java.util.Map<String, int[]> observe(boolean on);

    /** Ends every thread and closes every descriptor; the trace is kept. */
    void reset();

    @Override
    void close();
}
