package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an event loop learns which of its descriptors are readable, each way a system call of the
 * loop's thread: select() and poll() are given the whole watch list on every call; epoll keeps the
 * list in the kernel ({@code epoll_ctl} when it changes) and {@code epoll_wait} returns only the
 * ready ones.
 */
abstract class Readiness {
    /** Which call the loop waits in. */
    enum Kind { SELECT, POLL, EPOLL }

    protected final Calls calls;
    protected final Performer actor;

    private Readiness(Calls calls, Performer actor) {
        this.calls = calls;
        this.actor = actor;
    }

    /** A readiness of {@code kind} for {@code actor}'s loop; an epoll instance is created here. */
    static Readiness of(Kind kind, Calls calls, Performer actor) throws LabException {
        return switch (kind) {
            case SELECT -> new Listed(calls, actor, true);
            case POLL -> new Listed(calls, actor, false);
            case EPOLL -> new Epoll(calls, actor);
        };
    }

    /** Watch {@code fd} for reading; {@code shared}: other loops watch it too (a shared listener). */
    abstract void add(int fd, boolean shared) throws LabException;

    /** Stop watching {@code fd} (it stays open). */
    abstract void remove(int fd) throws LabException;

    /** {@code fd} is being closed: the kernel forgets it with it (epoll), or the list does. */
    abstract void closing(int fd);

    /** Waits at most {@code timeoutMillis} (-1: no timeout) and returns the readable descriptors. */
    abstract List<Integer> await(int timeoutMillis) throws LabException;

    /** Ends the loop's own kernel state (closes the epoll instance). */
    abstract void close();

    /** select() or poll(): the loop keeps the list and hands it to the kernel on every call. */
    private static final class Listed extends Readiness {
        private final boolean select;
        private final Set<Integer> watched = new LinkedHashSet<>();

        Listed(Calls calls, Performer actor, boolean select) {
            super(calls, actor);
            this.select = select;
        }

        void add(int fd, boolean shared) {
            watched.add(fd);
        }

        void remove(int fd) {
            watched.remove(fd);
        }

        void closing(int fd) {
            watched.remove(fd);
        }

        List<Integer> await(int timeoutMillis) throws LabException {
            List<Integer> fds = new ArrayList<>(watched);
            Call w = select ? new Call.Select(fds, List.of(), timeoutMillis < 0 ? -1 : timeoutMillis * 1000L)
                    : new Call.Poll(fds, timeoutMillis);
            return ready(calls.makeWithData(actor, w), w);
        }

        void close() {
        }
    }

    /** epoll: the interest list lives in the kernel; a closed descriptor leaves it by itself. */
    private static final class Epoll extends Readiness {
        /** The most ready entries one epoll_wait() returns. */
        static final int MAX_EVENTS = 256;
        private final int epfd;
        private boolean closed;

        Epoll(Calls calls, Performer actor) throws LabException {
            super(calls, actor);
            CallOutcome o = calls.make(actor, new Call.EpollCreate());
            if (o.failed()) {
                throw new LabException("epoll_create1() failed: " + o.display());
            }
            epfd = (int) o.ret();
        }

        void add(int fd, boolean shared) throws LabException {
            ctl(LinuxAbi.EPOLL_CTL_ADD, fd, LinuxAbi.EPOLLIN | (shared ? LinuxAbi.EPOLLEXCLUSIVE : 0));
        }

        void remove(int fd) throws LabException {
            ctl(LinuxAbi.EPOLL_CTL_DEL, fd, 0);
        }

        void closing(int fd) {
        }

        private void ctl(int op, int fd, int events) throws LabException {
            CallOutcome o = calls.make(actor, new Call.EpollCtl(epfd, op, fd, events));
            if (o.failed()) {
                throw new LabException("epoll_ctl() failed: " + o.display());
            }
        }

        List<Integer> await(int timeoutMillis) throws LabException {
            Call w = new Call.EpollWait(epfd, MAX_EVENTS, timeoutMillis);
            return ready(calls.makeWithData(actor, w), w);
        }

        void close() {
            if (!closed) {
                closed = true;
                calls.make(actor, new Call.Close(epfd));
            }
        }
    }

    private static List<Integer> ready(Calls.Made m, Call w) throws LabException {
        if (m.outcome().failed()) {
            throw new LabException(w.spec().name() + "() failed: " + m.outcome().display());
        }
        return Call.readyIn(m.data());
    }
}
