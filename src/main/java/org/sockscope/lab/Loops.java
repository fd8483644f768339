package org.sockscope.lab;

import org.sockscope.kernel.SocketProbe;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;
import org.sockscope.trace.CallOutcome.Stop;

/**
 * The loops behind {@link Call.Fill}, {@link Call.Drain} and {@link Call.Repeat}: real calls,
 * repeated. Each result holds the real count of calls, the last call's own result and why the loop
 * stopped; a loop that made no call at all has no result (null).
 */
final class Loops {
    private Loops() {
    }

    private static final int CHUNK = 65536;
    /** Bounds every helper loop: none may spin forever. */
    private static final int MAX_CALLS = 100_000;
    private static final long SETTLE_NANOS = 2_000_000_000L;

    static Call.Result fill(int fd, long callId) {
        byte[] data = Payload.fill(callId, CHUNK);
        long total = 0;
        int calls = 0;
        SysResult last = null;
        long deadline = System.nanoTime() + SETTLE_NANOS;
        // EAGAIN is not final: ACKs free space. Stop once a send made after everything was
        // acknowledged (or after 2 s) still gets EAGAIN.
        boolean settling = false;
        while (true) {
            Stop stop = interruptedOrLimit(calls);
            if (stop != null) {
                return done(total, calls, last, stop, "sent");
            }
            if (settling) {
                var f = SocketProbe.probe(fd);
                if (f != null && f.inFlight() > 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    continue;
                }
            }
            last = Libc.send(fd, data, 0, CHUNK, LinuxAbi.MSG_DONTWAIT);
            calls++;
            if (!last.failed()) {
                total += last.value();
                settling = false;
            } else if (last.errno() != Errno.EAGAIN) {
                return done(total, calls, last, Stop.ERROR, "sent");
            } else if (settling) {
                return done(total, calls, last, Stop.EAGAIN, "sent");
            } else {
                settling = true;
            }
        }
    }

    static Call.Result drain(int fd) {
        byte[] buf = new byte[CHUNK];
        long total = 0;
        int calls = 0;
        SysResult last = null;
        while (true) {
            Stop stop = interruptedOrLimit(calls);
            if (stop != null) {
                return done(total, calls, last, stop, "received");
            }
            last = Libc.recv(fd, buf, CHUNK, LinuxAbi.MSG_DONTWAIT);
            calls++;
            if (last.failed()) {
                return done(total, calls, last, last.errno() == Errno.EAGAIN ? Stop.EAGAIN : Stop.ERROR, "received");
            }
            if (last.value() == 0) {
                return done(total, calls, last, Stop.END_OF_STREAM, "received");
            }
            total += last.value();
        }
    }

    static Call.Result repeat(Call.Repeat rep, long callId) {
        Call.Result last = null;
        long calls = 0;
        long total = 0;
        Stop stop;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                stop = Stop.CANCELLED;
                break;
            }
            if (calls >= rep.max()) {
                stop = Stop.LIMIT;
                break;
            }
            last = rep.call().execute(callId);
            calls++;
            total += Math.max(0, last.sys().value());
            if (rep.until().test(last.sys())) {
                stop = Stop.CONDITION;
                break;
            }
        }
        return last == null ? null : new Call.Result(last.sys(), last.data(), calls, last.sys(), stop, total);
    }

    private static Stop interruptedOrLimit(int calls) {
        if (Thread.currentThread().isInterrupted()) {
            return Stop.CANCELLED;
        }
        return calls >= MAX_CALLS ? Stop.LIMIT : null;
    }

    /** The helper's result: the bytes moved in all, or -1 with the errno when it stopped on an error. */
    private static Call.Result done(long total, int calls, SysResult last, Stop stop, String verb) {
        if (calls == 0) {
            return null;
        }
        SysResult ret = stop == Stop.ERROR ? last : SysResult.ok(total);
        String text = verb + " " + total + " bytes in " + calls + " calls";
        return new Call.Result(ret, text, calls, last, stop, total);
    }
}
