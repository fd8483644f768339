package org.sockscope.lab.agent;

import org.sockscope.lab.Call;

/** What the app asks of a process actor, one JSON line each over the control channel. */
sealed interface Command {

    /** Start a thread {@code name} in the process (an actor; its first one is the process's main thread). */
    record NewActor(String name) implements Command {
    }

    /** Make {@code call} on thread {@code actor}; its events carry {@code callId}. */
    record Submit(String actor, long callId, Call call) implements Command {
    }

    /** Wake {@code actor}'s call, as the lab's cancel does. */
    record Cancel(String actor) implements Command {
    }

    /** Close every descriptor, stop every thread, and exit. */
    record Exit() implements Command {
    }
}
