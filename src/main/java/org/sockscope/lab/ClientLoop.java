package org.sockscope.lab;

import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;
import org.sockscope.posix.SysResult;
import org.sockscope.trace.CallOutcome.Stop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Call.ClientLoop}: many clients driven by one thread with an epoll loop, all inside one
 * call (a load of 10,000 connections needs no thread per client). Each client: a non-blocking
 * {@code socket()}, {@code connect()} (EINPROGRESS, then EPOLLOUT and {@code SO_ERROR}), then
 * {@code requests} times {@code send()} {@code size} bytes and {@code recv()} {@code size} bytes, then
 * {@code close()}. A request's stamps are CLOCK_MONOTONIC right before its first {@code send()} and
 * right after its last {@code recv()}, in the loop itself: no hand-off between them.
 */
final class ClientLoop {
    private ClientLoop() {
    }

    private enum Phase { CONNECTING, SENDING, RECEIVING, THINKING }

    private static final class Client {
        final int index;
        final int fd;
        Phase phase = Phase.CONNECTING;
        int done;
        int moved;
        long start;

        Client(int index, int fd) {
            this.index = index;
            this.fd = fd;
        }
    }

    /** Clients dropped before their first answer, on this thread's current loop: they are no longer pending. */
    private static final ThreadLocal<Integer> pendingDropped = ThreadLocal.withInitial(() -> 0);

    /** A client whose call failed leaves the loop: its socket is closed (one call). */
    private static int drop(Map<Integer, Client> open, Client cl) {
        if (cl.done == 0) {
            pendingDropped.set(pendingDropped.get() + 1);
        }
        open.remove(cl.fd);
        Libc.close(cl.fd);
        return 1;
    }

    /** Runs the loop; stops early when interrupted (the lab's reset) or past its deadline. */
    static Call.Result run(Call.ClientLoop c, long callId) {
        long deadline = System.nanoTime() + c.deadlineMillis() * 1_000_000L;
        byte[] request = Payload.fill(callId, c.size());
        byte[] buf = new byte[Math.min(c.size(), 65536)];
        long calls = 0;
        long bytes = 0;
        SysResult last = SysResult.ok(0);
        Map<Integer, Client> open = new HashMap<>();
        StringBuilder stamps = new StringBuilder();
        List<String> failures = new ArrayList<>();
        Stop stop = Stop.RETURNED;
        int completed = 0;
        SysResult ep = Libc.epollCreate1(LinuxAbi.EPOLL_CLOEXEC);
        calls++;
        if (ep.failed()) {
            return new Call.Result(ep, "", calls, ep, Stop.RETURNED, 0);
        }
        int epfd = ep.intValue();
        try {
            SockAddr to = SockAddr.loopback(c.port());
            int next = 0; // the next client to connect
            int connecting = 0;
            java.util.PriorityQueue<long[]> thinking = new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(t -> t[0]));
            List<Libc.EpollEvent> ready = new ArrayList<>();
            while (!open.isEmpty() || next < c.count()) {
                // Connect more while fewer than maxConnecting clients wait for their first answer (a
                // ramp that keeps the listener's accept queue below its backlog: a connection that
                // waits there too long is dropped by the kernel, and its client gets ECONNRESET).
                connecting -= pendingDropped.get();
                pendingDropped.set(0);
                while (next < c.count() && connecting < c.maxConnecting() && failures.size() < c.count()) {
                    SysResult s = Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM | LinuxAbi.O_NONBLOCK, 0);
                    calls++;
                    int index = c.first() + next++;
                    if (s.failed()) {
                        failures.add("client" + index + " socket(): " + s.errnoName());
                        last = s;
                        next = c.count(); // EMFILE and the like: the rest would fail the same way
                        break;
                    }
                    Client cl = new Client(index, s.intValue());
                    open.put(cl.fd, cl);
                    last = Libc.connect(cl.fd, to);
                    calls++;
                    if (last.failed() && last.errno() != Errno.EINPROGRESS) {
                        failures.add("client" + cl.index + " connect(): " + last.errnoName());
                        calls += drop(open, cl);
                        continue;
                    }
                    connecting++;
                    Libc.epollCtl(epfd, LinuxAbi.EPOLL_CTL_ADD, cl.fd, LinuxAbi.EPOLLOUT);
                    calls++;
                }
                long now = System.nanoTime();
                while (!thinking.isEmpty() && thinking.peek()[0] <= now) {
                    Client cl = open.get((int) thinking.poll()[1]);
                    if (cl != null) {
                        cl.phase = Phase.SENDING;
                        Libc.epollCtl(epfd, LinuxAbi.EPOLL_CTL_MOD, cl.fd, LinuxAbi.EPOLLOUT);
                        calls++;
                    }
                }
                if (open.isEmpty()) {
                    continue;
                }
                if (Thread.currentThread().isInterrupted()) {
                    stop = Stop.CANCELLED;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    stop = Stop.LIMIT;
                    break;
                }
                ready.clear();
                int wait = thinking.isEmpty() ? 100 : Math.clamp((thinking.peek()[0] - System.nanoTime()) / 1_000_000 + 1, 0, 100);
                last = Libc.epollWait(epfd, 256, wait, ready);
                calls++;
                if (last.failed() && last.errno() != Errno.EINTR) {
                    failures.add("epoll_wait(): " + last.errnoName());
                    stop = Stop.RETURNED;
                    break;
                }
                for (Libc.EpollEvent e : ready) {
                    Client cl = open.get(e.fd());
                    if (cl == null) {
                        continue;
                    }
                    if (cl.phase == Phase.THINKING) {
                        continue;
                    }
                    if (cl.phase == Phase.CONNECTING) {
                        SysResult err = Libc.getsockoptInt(cl.fd, LinuxAbi.SOL_SOCKET, LinuxAbi.SO_ERROR);
                        calls++;
                        if (err.failed() || err.value() != 0) {
                            failures.add("client" + cl.index + " connect(): " + (err.failed() ? err.errnoName()
                                    : Errno.nameWithAlias((int) err.value())));
                            calls += drop(open, cl);
                            continue;
                        }
                        cl.phase = Phase.SENDING;
                    }
                    if (cl.phase == Phase.SENDING) {
                        if (cl.moved == 0) {
                            cl.start = System.nanoTime(); // right before the request's first send()
                        }
                        SysResult r = Libc.send(cl.fd, request, cl.moved, c.size() - cl.moved, LinuxAbi.MSG_DONTWAIT);
                        calls++;
                        last = r;
                        if (r.failed() && r.errno() != Errno.EAGAIN) {
                            failures.add("client" + cl.index + " send(): " + r.errnoName());
                            calls += drop(open, cl);
                            continue;
                        }
                        cl.moved += (int) Math.max(0, r.value());
                        bytes += Math.max(0, r.value());
                        if (cl.moved == c.size()) {
                            cl.phase = Phase.RECEIVING;
                            cl.moved = 0;
                            Libc.epollCtl(epfd, LinuxAbi.EPOLL_CTL_MOD, cl.fd, LinuxAbi.EPOLLIN);
                            calls++;
                        } else if (e.events() != LinuxAbi.EPOLLOUT) {
                            continue;
                        }
                        continue;
                    }
                    SysResult r = Libc.recv(cl.fd, buf, Math.min(buf.length, c.size() - cl.moved), LinuxAbi.MSG_DONTWAIT);
                    calls++;
                    last = r;
                    if (r.failed() && r.errno() == Errno.EAGAIN) {
                        continue;
                    }
                    if (r.failed() || r.value() == 0) {
                        failures.add("client" + cl.index + " recv(): " + (r.failed() ? r.errnoName() : "the server closed the connection"));
                        calls += drop(open, cl);
                        continue;
                    }
                    cl.moved += (int) r.value();
                    bytes += r.value();
                    if (cl.moved < c.size()) {
                        continue;
                    }
                    long end = System.nanoTime();
                    if (cl.done == 0) {
                        connecting--; // answered once: the server has accept()ed it, it is out of the accept queue
                    }
                    stamps.append(cl.index).append(':').append(cl.done).append(':').append(cl.start).append(':').append(end).append(' ');
                    completed++;
                    cl.done++;
                    cl.moved = 0;
                    if (cl.done == c.requests()) {
                        open.remove(cl.fd);
                        Libc.close(cl.fd);
                        calls++;
                    } else if (c.thinkMillis() > 0) {
                        cl.phase = Phase.THINKING; // the next request after the think time: no events meanwhile
                        Libc.epollCtl(epfd, LinuxAbi.EPOLL_CTL_MOD, cl.fd, 0);
                        calls++;
                        thinking.add(new long[] {end + c.thinkMillis() * 1_000_000L, cl.fd});
                    } else {
                        cl.phase = Phase.SENDING;
                        Libc.epollCtl(epfd, LinuxAbi.EPOLL_CTL_MOD, cl.fd, LinuxAbi.EPOLLOUT);
                        calls++;
                    }
                }
            }
        } finally {
            for (Client cl : open.values()) {
                Libc.close(cl.fd);
                calls++;
            }
            Libc.close(epfd);
            calls++;
        }
        String data = stamps + (failures.isEmpty() ? "" : "| failed: " + failures.size() + " clients, the first: "
                + String.join("; ", failures.subList(0, Math.min(3, failures.size()))));
        return new Call.Result(SysResult.ok(completed), data.strip(), calls, last, stop, bytes);
    }
}
