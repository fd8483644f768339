package org.sockscope.lab.agent;

import org.sockscope.kernel.Descriptor;
import org.sockscope.trace.Event;

import java.util.List;

/** What a process actor tells the app, one JSON line each over the control channel. */
sealed interface Message {

    /**
     * The agent is up: its pid, and its descriptor table before the lesson's first call (the JVM's
     * own files and the control channel, each marked close-on-exec so a child does not inherit them).
     */
    record Hello(int pid, List<Descriptor> table) implements Message {
    }

    /** An event of the process's trace, with its time on the app's clock; {@code seq} is the process's own. */
    record Happened(Event event) implements Message {
    }

    /**
     * Call {@code callId} returned and the process has probed its buffers since: every event up to
     * that reading was sent before this, so figures shown for the call's end are current.
     */
    record Settled(long callId) implements Message {
    }

    /** Call {@code callId} was not made ({@code why}); no return value exists for it. */
    record NotMade(long callId, String why) implements Message {
    }

    /** The answer to a set-up request: a descriptor number and a port, or why the kernel refused ({@code error}). */
    record Answer(long request, int fd, int port, String error) implements Message {
    }

    /** The first message of a process another process spawned: the token it was given, and its pid. */
    record Joined(String token, int pid) implements Message {
    }

    /** A process this one spawned has ended and this one reaped it: its wait status. */
    record Reaped(int pid, int status) implements Message {
    }

    /** The agent's trace dropped events the channel had not sent yet (it fell behind by this many). */
    record Gap(long dropped) implements Message {
    }
}
