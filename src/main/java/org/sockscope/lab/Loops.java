package org.sockscope.lab;

import org.sockscope.kernel.SocketProbe;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;

/** The loops behind {@link Call.Fill}, {@link Call.Drain} and {@link Call.Repeat}: real calls, repeated. */
final class Loops {
    private Loops() {
    }

    private static final int CHUNK = 65536;
    /** Bounds every loop: no helper may spin forever. */
    private static final int MAX_CALLS = 100_000;
    private static final long SETTLE_NANOS = 2_000_000_000L;

    static Call.Result fill(int fd, long callId) {
        byte[] data = Payload.fill(callId, CHUNK);
        long total = 0;
        int calls = 0;
        long deadline = System.nanoTime() + SETTLE_NANOS;
        // EAGAIN is not final: ACKs free space. Stop once a send right after everything was
        // acknowledged still gets EAGAIN.
        while (calls < MAX_CALLS && !Thread.currentThread().isInterrupted()) {
            SysResult r = Libc.send(fd, data, 0, CHUNK, LinuxAbi.MSG_DONTWAIT);
            calls++;
            if (!r.failed()) {
                total += r.value();
                continue;
            }
            if (r.errno() != Errno.EAGAIN) {
                return new Call.Result(r, "sent " + total + " bytes", calls);
            }
            var f = SocketProbe.probe(fd);
            if (f == null || f.inFlight() == 0 || System.nanoTime() > deadline) {
                SysResult again = Libc.send(fd, data, 0, CHUNK, LinuxAbi.MSG_DONTWAIT);
                calls++;
                if (again.failed()) {
                    break;
                }
                total += again.value();
            } else {
                Thread.onSpinWait();
            }
        }
        return new Call.Result(SysResult.ok(total), "sent " + total + " bytes, then EAGAIN", calls);
    }

    static Call.Result drain(int fd) {
        byte[] buf = new byte[CHUNK];
        long total = 0;
        int calls = 0;
        while (calls < MAX_CALLS) {
            SysResult r = Libc.recv(fd, buf, CHUNK, LinuxAbi.MSG_DONTWAIT);
            calls++;
            if (r.failed() || r.value() == 0) {
                String end = r.failed() ? Errno.name(r.errno()) : "end of stream";
                return new Call.Result(r.failed() && r.errno() != Errno.EAGAIN ? r : SysResult.ok(total),
                        "received " + total + " bytes, then " + end, calls);
            }
            total += r.value();
        }
        return new Call.Result(SysResult.ok(total), "received " + total + " bytes", calls);
    }

    static Call.Result repeat(Call.Repeat rep, long callId) {
        Call.Result last = null;
        long calls = 0;
        while (calls < rep.max() && !Thread.currentThread().isInterrupted()) {
            last = rep.call().execute(callId);
            calls++;
            if (rep.until().test(last.sys())) {
                break;
            }
        }
        return new Call.Result(last == null ? SysResult.ok(0) : last.sys(), last == null ? "" : last.data(), calls);
    }
}
