package org.sockscope.trace;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;

import java.util.List;

/**
 * One thing that happened in the lab, recorded in order. {@code seq} is the event's index in its
 * trace; {@code nanos} is the time since the trace began.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Event.ActorChanged.class, name = "actor"),
    @JsonSubTypes.Type(value = Event.CallStarted.class, name = "started"),
    @JsonSubTypes.Type(value = Event.CallBlocked.class, name = "blocked"),
    @JsonSubTypes.Type(value = Event.CallReturned.class, name = "returned"),
    @JsonSubTypes.Type(value = Event.CallCancelled.class, name = "cancelled"),
    @JsonSubTypes.Type(value = Event.DescriptorOpened.class, name = "opened"),
    @JsonSubTypes.Type(value = Event.DescriptorClosed.class, name = "closed"),
    @JsonSubTypes.Type(value = Event.KernelSample.class, name = "sample"),
    @JsonSubTypes.Type(value = Event.Note.class, name = "note"),
    @JsonSubTypes.Type(value = Event.ProcessChanged.class, name = "process"),
})
public sealed interface Event {

    /** This event's index in its trace. */
    long seq();

    /** Nanoseconds since the trace began. */
    long nanos();

    /** The same event with another index (the trace assigns it on append). */
    Event withSeq(long seq);

    /** An actor (a thread of a process) appeared or stopped. */
    record ActorChanged(long seq, long nanos, String actor, String process, int tid, boolean alive) implements Event {
        public Event withSeq(long s) {
            return new ActorChanged(s, nanos, actor, process, tid, alive);
        }
    }

    /** An actor entered a system call. */
    record CallStarted(long seq, long nanos, String actor, long callId, CallSpec call) implements Event {
        public Event withSeq(long s) {
            return new CallStarted(s, nanos, actor, callId, call);
        }
    }

    /** The kernel reported the actor's thread asleep inside the call ({@code /proc/…/task/…}). */
    record CallBlocked(long seq, long nanos, String actor, long callId, String syscall, String wchan) implements Event {
        public Event withSeq(long s) {
            return new CallBlocked(s, nanos, actor, callId, syscall, wchan);
        }
    }

    /**
     * The call returned. {@code data} holds the bytes a read-side call copied out (a short prefix for
     * large reads is enough to tell whose bytes they were); empty for other calls.
     */
    record CallReturned(long seq, long nanos, String actor, long callId, CallSpec call, CallOutcome outcome,
                        String data) implements Event {
        public Event withSeq(long s) {
            return new CallReturned(s, nanos, actor, callId, call, outcome, data);
        }
    }

    /** The control side woke a blocked call; {@code how} is the C it ran ({@code shutdown(5, SHUT_RDWR)}). */
    record CallCancelled(long seq, long nanos, String actor, long callId, String how) implements Event {
        public Event withSeq(long s) {
            return new CallCancelled(s, nanos, actor, callId, how);
        }
    }

    /**
     * A descriptor appeared in a process's table. {@code label} is the lab's name for it
     * ({@code client}); {@code peerFd} is the other end of a connection or pipe (-1 when none) and
     * {@code peerIdentity} the kernel's id of that end (its SO_COOKIE, the pipe's inode; -1 when none);
     * {@code requestedSndbuf}/{@code requestedRcvbuf} are the sizes the program asked for with
     * setsockopt (0: not set, the kernel autotunes).
     */
    record DescriptorOpened(long seq, long nanos, String process, Descriptor descriptor, String label, int peerFd,
                            long peerIdentity, int requestedSndbuf, int requestedRcvbuf) implements Event {
        public Event withSeq(long s) {
            return new DescriptorOpened(s, nanos, process, descriptor, label, peerFd, peerIdentity, requestedSndbuf, requestedRcvbuf);
        }
    }

    /** A descriptor left a process's table. */
    record DescriptorClosed(long seq, long nanos, String process, int fd) implements Event {
        public Event withSeq(long s) {
            return new DescriptorClosed(s, nanos, process, fd);
        }
    }

    /** The sampler's reading of every live socket and pipe, recorded when a figure changed. */
    record KernelSample(long seq, long nanos, List<SocketFigures> sockets, List<PipeFigures> pipes) implements Event {
        public KernelSample {
            sockets = List.copyOf(sockets);
            pipes = List.copyOf(pipes);
        }

        public Event withSeq(long s) {
            return new KernelSample(s, nanos, sockets, pipes);
        }
    }

    /**
     * A process of the lesson started or ended: its pid, {@code exit} empty while it runs (else
     * {@code exited (status 0)}, {@code was killed (signal 9)}), and, at start, the descriptors its
     * runtime holds of its own before the lesson's first call (the JVM's jars, {@code lib/modules}, …).
     */
    record ProcessChanged(long seq, long nanos, String process, int pid, String exit, List<Descriptor> own) implements Event {
        public ProcessChanged {
            own = List.copyOf(own);
        }

        public Event withSeq(long s) {
            return new ProcessChanged(s, nanos, process, pid, exit, own);
        }
    }

    /** A line of narration or a lab message (set-up done, a size the kernel changed, …). */
    record Note(long seq, long nanos, String text) implements Event {
        public Event withSeq(long s) {
            return new Note(s, nanos, text);
        }
    }
}
