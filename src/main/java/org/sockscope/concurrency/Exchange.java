package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.Performer;
import org.sockscope.trace.CallOutcome;

/** The request/response exchange both sides make: whole messages over a byte stream, one recv()/send() at a time. */
final class Exchange {
    private Exchange() {
    }

    /** Sends {@code n} bytes on {@code fd}, as many send() calls as the kernel needs. */
    static void sendAll(Calls calls, Performer actor, int fd, int n) {
        int sent = 0;
        while (sent < n) {
            CallOutcome o = calls.make(actor, new Call.Send(fd, n - sent, 0));
            if (o.failed() && o.errno() == org.sockscope.posix.Errno.EAGAIN) {
                continue; // a non-blocking socket's full buffer: try again (the busy-polling server)
            }
            if (o.failed()) {
                throw new IllegalStateException(actor.name() + ": send() failed: " + o.display());
            }
            sent += (int) o.ret();
        }
    }

    /**
     * Receives {@code n} bytes from {@code fd}; returns false when the peer closed before the first
     * byte (recv() returned 0: it is done), and fails when it closed in the middle of a message.
     */
    static boolean receiveAll(Calls calls, Performer actor, int fd, int n) {
        int got = 0;
        while (got < n) {
            CallOutcome o = calls.make(actor, new Call.Recv(fd, n - got, 0));
            if (o.failed()) {
                throw new IllegalStateException(actor.name() + ": recv() failed: " + o.display());
            }
            if (o.ret() == 0) {
                if (got == 0) {
                    return false;
                }
                throw new IllegalStateException(actor.name() + ": the peer closed after " + got + " of " + n + " bytes");
            }
            got += (int) o.ret();
        }
        return true;
    }

    /**
     * Serves one connection until the client closes it: each request of {@code load.size()} bytes
     * gets {@link #answer}ed.
     */
    static void serve(Calls calls, Performer actor, int fd, Workload load) {
        while (receiveAll(calls, actor, fd, load.size())) {
            answer(calls, actor, fd, load);
        }
        calls.make(actor, new Call.Close(fd));
        calls.closed();
    }

    /** A whole request has come: the CPU work it asks for, then as many bytes back. */
    static void answer(Calls calls, Performer actor, int fd, Workload load) {
        if (load.cpuMillis() > 0) {
            calls.make(actor, new Call.Compute(load.cpuMillis() * 1000L));
        }
        sendAll(calls, actor, fd, load.size());
    }
}
