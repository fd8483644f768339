package org.sockscope.lab;

import org.sockscope.trace.CallOutcome;

import java.util.concurrent.CompletableFuture;

/**
 * One thread of a process that makes the lesson's calls: a thread of this JVM ({@link Actor}) or a
 * thread of a child process (a process actor). Either way the call measures itself where it is made.
 */
public interface Performer {

    /** The thread's name in the lesson ({@code P1}). */
    String name();

    /** The process whose descriptor table the thread uses. */
    String process();

    /** The kernel's id of the process the thread runs in. */
    int pid();

    /** The kernel's id of the thread, -1 until it has started. */
    int tid();

    /** Queues {@code call} and tells the id its events will carry. */
    Actor.Submission submitTracked(Call call);

    /** Queues {@code call}; the future completes with the kernel's answer once it returns. */
    default CompletableFuture<CallOutcome> submit(Call call) {
        return submitTracked(call).result();
    }
}
