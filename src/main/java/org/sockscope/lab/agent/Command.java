package org.sockscope.lab.agent;

import org.sockscope.lab.Call;
import org.sockscope.lab.SocketOptions;

/** What the app asks of a process actor, one JSON line each over the control channel. */
sealed interface Command {

    /** Start a thread {@code name} in the process (an actor; its first one is the process's main thread). */
    record NewActor(String name) implements Command {
    }

    /** Make {@code call} on thread {@code actor}; its events carry {@code callId}. */
    record Submit(String actor, long callId, Call call) implements Command {
    }

    /** Wake {@code actor}'s call, as the lab's cancel does; answered with 1 when a call was in flight, else 0. */
    record Cancel(long request, String actor) implements Command {
    }

    /** Open a listening socket on 127.0.0.1 (kernel-chosen port); answered with its number and port. */
    record Listen(long request, SocketOptions options, int backlog) implements Command {
    }

    /** Connect a new socket to 127.0.0.1:{@code port}; answered with its number and local port. */
    record ConnectTo(long request, int port, SocketOptions options) implements Command {
    }

    /** Accept one connection on {@code listener}, then close the listener; answered with the new number. */
    record AcceptOn(long request, int listener, SocketOptions options) implements Command {
    }

    /** Take a kernel reading of the process's sockets and pipes now; answered once it is recorded. */
    record SampleNow(long request) implements Command {
    }

    /**
     * Turn the process's kernel readings on or off ({@code on}); answered with what they cost so
     * far: the samples taken (as {@code fd}) and the mean µs per sample (as {@code port}).
     */
    record Observe(long request, boolean on) implements Command {
    }

    /** Close every descriptor, stop every thread, and exit. */
    record Exit() implements Command {
    }
}
