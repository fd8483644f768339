package org.sockscope.trace;

/**
 * An actor (one thread of a process) as one Snapshot shows it.
 *
 * @param name         the actor's name ({@code P1})
 * @param process      the process it belongs to
 * @param tid          the kernel's thread id
 * @param status       where it is in a call's life
 * @param callId       the current or last call's id, 0 before the first
 * @param call         the current or last call, null before the first
 * @param startedNanos when the current or last call started
 * @param syscall      while blocked: the system call the kernel says it sleeps in
 * @param wchan        while blocked: the kernel function it sleeps in
 * @param outcome      the last call's outcome, null while a call runs
 * @param data         bytes the last read-side call copied out (prefix), else empty
 * @param cancelledBy  how the last call was cancelled, else empty
 * @param alive        false once the actor stopped
 */
public record ActorView(String name, String process, int tid, Status status, long callId, CallSpec call,
                        long startedNanos, String syscall, String wchan, CallOutcome outcome, String data,
                        String cancelledBy, boolean alive) {

    /** Where an actor is in a call's life. */
    public enum Status { IDLE, RUNNING, BLOCKED, RETURNED, CANCELLED, STOPPED }

    static ActorView fresh(String name, String process, int tid) {
        return new ActorView(name, process, tid, Status.IDLE, 0, null, 0, "", "", null, "", "", true);
    }

    ActorView started(long id, CallSpec c, long nanos) {
        return new ActorView(name, process, tid, Status.RUNNING, id, c, nanos, "", "", null, "", "", alive);
    }

    ActorView blocked(String sys, String w) {
        return new ActorView(name, process, tid, Status.BLOCKED, callId, call, startedNanos, sys, w, null, "", cancelledBy, alive);
    }

    ActorView cancelled(String how) {
        return new ActorView(name, process, tid, status, callId, call, startedNanos, syscall, wchan, outcome, data, how, alive);
    }

    ActorView returned(CallSpec c, CallOutcome o, String d) {
        Status s = cancelledBy.isEmpty() ? Status.RETURNED : Status.CANCELLED;
        return new ActorView(name, process, tid, s, callId, c, startedNanos, "", "", o, d, cancelledBy, alive);
    }

    ActorView stopped() {
        return new ActorView(name, process, tid, Status.STOPPED, callId, call, startedNanos, "", "", outcome, data, cancelledBy, false);
    }

    /** True while a call is in progress (running or blocked). */
    public boolean inCall() {
        return status == Status.RUNNING || status == Status.BLOCKED;
    }
}
