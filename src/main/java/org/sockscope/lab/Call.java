package org.sockscope.lab;

import org.sockscope.posix.FdSet;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;
import org.sockscope.trace.CallOutcome;
import org.sockscope.trace.CallSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A system call an actor can make. Each knows how C writes it ({@link #spec}), which kernel calls
 * it may sleep in (so "blocked" is only reported for this call), and how to run it.
 */
public sealed interface Call {

    /** The call as C writes it, with {@code callId} to tag payload bytes. */
    CallSpec spec();

    /** The descriptor the call acts on, -1 when none. */
    int fd();

    /**
     * True for a call that returns at once with a new descriptor at the lowest free number
     * ({@code socket()}): it is made while SockScope opens no file of its own, so the number is the
     * one the lesson expects, not the one after a {@code /proc} read's.
     */
    default boolean takesNumber() {
        return false;
    }

    /** Every descriptor the call acts on (select() watches several). */
    default List<Integer> fds() {
        return fd() < 0 ? List.of() : List.of(fd());
    }

    /** The names of the system calls this call may sleep in, per {@code /proc/…/syscall}; none by default. */
    default Set<String> sleepsIn() {
        return Set.of();
    }

    /** Runs the call on the current thread. */
    Result execute(long callId);

    /**
     * What a call returned, the bytes it copied out (run-length text) for read-side calls, how many
     * system calls it made, the last one's result and why it stopped (a loop's are its own).
     */
    record Result(SysResult sys, String data, long calls, SysResult last, CallOutcome.Stop stop, long total) {
        /** One system call's result: for a call that moves bytes, its return is the bytes it moved. */
        public Result(SysResult sys, String data) {
            this(sys, data, 1, sys, CallOutcome.Stop.RETURNED, Math.max(0, sys.value()));
        }
    }

    /** True for calls whose return is a count of bytes moved (send, recv, read, write, the helpers, loops of them). */
    default boolean movesBytes() {
        return false;
    }

    /** {@code send(fd, s_buf, length, flags)}. */
    record Send(int fd, int length, int flags) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("send", fd, length, flags, "send(" + fd + ", s_buf, " + length + ", " + Flags.msg(flags) + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("sendto", "sendmsg");
        }

        public Result execute(long callId) {
            return new Result(Libc.send(fd, Payload.fill(callId, length), 0, length, flags), "");
        }
    }

    /** {@code recv(fd, r_buf, length, flags)}. */
    record Recv(int fd, int length, int flags) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("recv", fd, length, flags, "recv(" + fd + ", r_buf, " + length + ", " + Flags.msg(flags) + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("recvfrom", "recvmsg");
        }

        public Result execute(long callId) {
            byte[] buf = Payload.scratch(length);
            SysResult r = Libc.recv(fd, buf, length, flags);
            return new Result(r, Payload.describe(buf, (int) r.value()));
        }
    }

    /** {@code write(fd, buf, length)}. */
    record Write(int fd, int length) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("write", fd, length, 0, "write(" + fd + ", buf, " + length + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("write");
        }

        public Result execute(long callId) {
            return new Result(Libc.write(fd, Payload.fill(callId, length), 0, length), "");
        }
    }

    /** {@code read(fd, buf, length)}. */
    record Read(int fd, int length) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("read", fd, length, 0, "read(" + fd + ", buf, " + length + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("read");
        }

        public Result execute(long callId) {
            byte[] buf = Payload.scratch(length);
            SysResult r = Libc.read(fd, buf, length);
            return new Result(r, Payload.describe(buf, (int) r.value()));
        }
    }

    /** {@code fcntl(fd, F_SETFL, flags | O_NONBLOCK)} (or with it cleared). */
    record SetNonBlocking(int fd, boolean on) implements Call {
        public CallSpec spec() {
            String text = on ? "fcntl(" + fd + ", F_SETFL, flags | O_NONBLOCK)" : "fcntl(" + fd + ", F_SETFL, flags & ~O_NONBLOCK)";
            return new CallSpec("fcntl", fd, 0, 0, text);
        }

        public Result execute(long callId) {
            return new Result(Libc.setNonBlocking(fd, on), "");
        }
    }

    /** {@code setsockopt(fd, level, name, &value, sizeof(int))}; {@code text} names the option as C writes it. */
    record SetSockOptInt(int fd, int level, int name, int value, String text) implements Call {
        public CallSpec spec() {
            return new CallSpec("setsockopt", fd, 0, 0, text);
        }

        public Result execute(long callId) {
            return new Result(Libc.setsockoptInt(fd, level, name, value), "");
        }
    }

    /** {@code fcntl(fd, cmd, arg)}; {@code text} as C writes it ({@code fcntl(5, F_GETFL)}). */
    record Fcntl(int fd, int cmd, int arg, String text) implements Call {
        public CallSpec spec() {
            return new CallSpec("fcntl", fd, 0, 0, text);
        }

        public Result execute(long callId) {
            return new Result(Libc.fcntl(fd, cmd, arg), "");
        }
    }

    /** {@code setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO|SO_RCVTIMEO, {millis}, …)}. */
    record SetTimeout(int fd, int option, long millis) implements Call {
        public CallSpec spec() {
            String name = option == LinuxAbi.SO_SNDTIMEO ? "SO_SNDTIMEO" : "SO_RCVTIMEO";
            return new CallSpec("setsockopt", fd, 0, 0, "setsockopt(" + fd + ", SOL_SOCKET, " + name + ", " + millis + " ms)");
        }

        public Result execute(long callId) {
            return new Result(Libc.setsockoptTimeval(fd, option, millis), "");
        }
    }

    /** {@code shutdown(fd, how)}. */
    record Shutdown(int fd, int how) implements Call {
        public CallSpec spec() {
            String h = switch (how) {
                case LinuxAbi.SHUT_RD -> "SHUT_RD";
                case LinuxAbi.SHUT_WR -> "SHUT_WR";
                default -> "SHUT_RDWR";
            };
            return new CallSpec("shutdown", fd, 0, 0, "shutdown(" + fd + ", " + h + ")");
        }

        public Result execute(long callId) {
            return new Result(Libc.shutdown(fd, how), "");
        }
    }

    /** {@code close(fd)}; the lab forgets the descriptor when it succeeds. */
    record Close(int fd) implements Call {
        public CallSpec spec() {
            return new CallSpec("close", fd, 0, 0, "close(" + fd + ")");
        }

        public Result execute(long callId) {
            return new Result(Libc.close(fd), "");
        }
    }

    /**
     * {@code select(nfds, &readfds, &writefds, NULL, timeout)}; the data text lists the descriptors
     * the kernel left in the sets (the ready ones). Negative timeout: wait forever.
     */
    record Select(List<Integer> readFds, List<Integer> writeFds, long timeoutMicros) implements Call {
        public Select {
            readFds = List.copyOf(readFds);
            writeFds = List.copyOf(writeFds);
        }

        /** Watch {@code readFds} for reading, with no timeout. */
        public Select(List<Integer> readFds) {
            this(readFds, List.of(), -1);
        }

        public int fd() {
            return readFds.isEmpty() ? (writeFds.isEmpty() ? -1 : writeFds.getFirst()) : readFds.getFirst();
        }

        @Override
        public List<Integer> fds() {
            List<Integer> all = new java.util.ArrayList<>(readFds);
            all.addAll(writeFds);
            return all;
        }

        /** Every watched descriptor. */
        public List<Integer> watched() {
            List<Integer> all = new ArrayList<>(readFds);
            writeFds.stream().filter(f -> !all.contains(f)).forEach(all::add);
            return all;
        }

        public CallSpec spec() {
            String tv = timeoutMicros < 0 ? "NULL" : "{" + timeoutMicros / 1_000_000 + "s " + timeoutMicros % 1_000_000 + "us}";
            return new CallSpec("select", fd(), 0, 0, "select(" + nfds() + ", " + setText(readFds) + ", "
                    + setText(writeFds) + ", NULL, " + tv + ")");
        }

        private int nfds() {
            return watched().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        }

        private static String setText(List<Integer> fds) {
            return fds.isEmpty() ? "NULL" : "{" + fds.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}";
        }

        public Set<String> sleepsIn() {
            return Set.of("select", "pselect6");
        }

        public Result execute(long callId) {
            FdSet r = new FdSet();
            FdSet w = new FdSet();
            readFds.forEach(r::set);
            writeFds.forEach(w::set);
            SysResult res = Libc.select(nfds(), readFds.isEmpty() ? null : r, writeFds.isEmpty() ? null : w, null, timeoutMicros);
            if (res.failed()) {
                return new Result(res, "");
            }
            String text = "readable " + (readFds.isEmpty() ? "[]" : r.members()) + (writeFds.isEmpty() ? "" : " writable " + w.members());
            return new Result(res, text);
        }
    }

    /**
     * The descriptors a returned select() or poll() reported ready, read from its result's data
     * ({@code readable [5, 7] writable [8]}): every number in it, read and write sets together.
     */
    public static List<Integer> readyIn(String data) {
        List<Integer> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\d+").matcher(data);
        while (m.find()) {
            out.add(Integer.parseInt(m.group()));
        }
        return out;
    }

    /**
     * {@code poll(fds, n, timeout)} asking POLLIN of each of {@code fds} (-1: no timeout); the
     * result's data is the descriptors it returned with POLLIN, POLLHUP or POLLERR:
     * {@code readable [5, 7]} (the same words as select()'s).
     */
    record Poll(List<Integer> fds, int timeoutMillis) implements Call {
        public Poll {
            fds = List.copyOf(fds);
        }

        public int fd() {
            return fds.isEmpty() ? -1 : fds.getFirst();
        }

        public CallSpec spec() {
            return new CallSpec("poll", fd(), 0, 0, "poll({" + fds.stream().map(f -> f + " POLLIN")
                    .collect(Collectors.joining(", ")) + "}, " + fds.size() + ", " + timeoutMillis + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("poll", "ppoll");
        }

        public Result execute(long callId) {
            org.sockscope.posix.PollFd[] entries = new org.sockscope.posix.PollFd[fds.size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = org.sockscope.posix.PollFd.of(fds.get(i), LinuxAbi.POLLIN);
            }
            SysResult res = Libc.poll(entries, timeoutMillis);
            if (res.failed()) {
                return new Result(res, "");
            }
            List<Integer> ready = new ArrayList<>();
            for (org.sockscope.posix.PollFd e : entries) {
                if (e.has((short) (LinuxAbi.POLLIN | LinuxAbi.POLLHUP | LinuxAbi.POLLERR))) {
                    ready.add(e.fd());
                }
            }
            return new Result(res, "readable " + ready);
        }
    }

    /** {@code socket(domain, type, protocol)}; the lab registers the new descriptor. */
    record Socket(int domain, int type, int protocol) implements Call {
        @Override
        public boolean takesNumber() {
            return true;
        }

        /** {@code socket(AF_INET, SOCK_STREAM, 0)}. */
        public Socket() {
            this(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0);
        }

        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("socket", -1, 0, 0, "socket(" + LinuxAbi.domainName(domain) + ", " + LinuxAbi.typeName(type) + ", " + protocol + ")");
        }

        public Result execute(long callId) {
            return new Result(Libc.socket(domain, type, protocol), "");
        }
    }

    /**
     * {@code socketpair(domain, type, protocol, sv)}: two connected sockets; returns 0, and the
     * result's data names the two new descriptors ({@code sv = {5, 6}}, read back by {@link #ends}).
     * The lab registers both.
     */
    record SocketPair(int domain, int type, int protocol) implements Call {
        @Override
        public boolean takesNumber() {
            return true;
        }

        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("socketpair", -1, 0, 0, "socketpair(" + LinuxAbi.domainName(domain) + ", " + LinuxAbi.typeName(type) + ", " + protocol + ", sv)");
        }

        public Result execute(long callId) {
            Libc.SocketPair p = Libc.socketpair(domain, type, protocol);
            return p.sv0() < 0 ? new Result(new SysResult(-1, p.errno()), "")
                    : new Result(SysResult.ok(0), "sv = {" + p.sv0() + ", " + p.sv1() + "}");
        }

        /** {@code sv[0]} and {@code sv[1]} from a successful socketpair's data text. */
        public static int[] ends(String data) {
            return readyIn(data).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * {@code sendto(fd, s_buf, length, flags, {127.0.0.1:port}, 16)}: on a datagram socket one
     * message of {@code length} bytes, sent whole or not at all.
     */
    record SendTo(int fd, int length, int flags, int port) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("sendto", fd, length, flags, "sendto(" + fd + ", s_buf, " + length + ", " + Flags.msg(flags)
                    + ", {127.0.0.1:" + port + "}, 16)");
        }

        public Set<String> sleepsIn() {
            return Set.of("sendto", "sendmsg");
        }

        public Result execute(long callId) {
            return new Result(Libc.sendto(fd, Payload.fill(callId, length), 0, length, flags,
                    org.sockscope.posix.SockAddr.loopback(port)), "");
        }
    }

    /**
     * {@code recvfrom(fd, r_buf, length, flags, &from, &fromlen)}: on a datagram socket one message
     * (what does not fit in {@code length} is discarded; with MSG_TRUNC the return is the message's
     * real length). The data text is what was copied, then {@code from 127.0.0.1:port} as the
     * kernel wrote it.
     */
    record RecvFrom(int fd, int length, int flags) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("recvfrom", fd, length, flags, "recvfrom(" + fd + ", r_buf, " + length + ", " + Flags.msg(flags)
                    + ", &from, &fromlen)");
        }

        public Set<String> sleepsIn() {
            return Set.of("recvfrom", "recvmsg");
        }

        public Result execute(long callId) {
            byte[] buf = Payload.scratch(length);
            Libc.Received r = Libc.recvfrom(fd, buf, length, flags);
            int copied = (int) Math.min(r.result().value(), length);
            String data = Payload.describe(buf, copied);
            return new Result(r.result(), r.from() == null ? data : data + " from " + r.from());
        }
    }

    /** {@code connect(fd, 127.0.0.1:port)}. */
    record Connect(int fd, int port) implements Call {
        public CallSpec spec() {
            return new CallSpec("connect", fd, 0, 0, "connect(" + fd + ", {127.0.0.1:" + port + "}, 16)");
        }

        public Set<String> sleepsIn() {
            return Set.of("connect");
        }

        public Result execute(long callId) {
            return new Result(Libc.connect(fd, org.sockscope.posix.SockAddr.loopback(port)), "");
        }
    }

    /**
     * Work on the thread's CPU, no system call: the thread computes until its own CPU clock
     * (CLOCK_THREAD_CPUTIME_ID) has advanced by {@code cpuMicros} — a server's CPU-heavy request.
     */
    record Compute(long cpuMicros) implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("compute", -1, 0, 0, "compute(" + cpuMicros / 1000.0 + " ms) /* user-space work on the thread's CPU */");
        }

        public Result execute(long callId) {
            long start = Libc.threadCpuNanos();
            if (start < 0) {
                throw new IllegalStateException("the thread's CPU clock cannot be read here, so its work cannot be measured");
            }
            long x = callId;
            while (Libc.threadCpuNanos() - start < cpuMicros * 1000) {
                for (int i = 0; i < 10_000; i++) {
                    x = x * 6364136223846793005L + 1442695040888963407L; // a step of an LCG
                }
            }
            SINK = x; // kept, so the work is not optimised away
            return new Result(SysResult.ok(0), "");
        }

        @SuppressWarnings("unused")
        private static volatile long SINK;
    }

    /** {@code usleep(micros)}: the thread waits; not a call on a descriptor. */
    record Pause(long micros) implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("usleep", -1, 0, 0, "usleep(" + micros + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("nanosleep", "clock_nanosleep");
        }

        public Result execute(long callId) {
            return new Result(Libc.usleep(micros), "");
        }
    }

    /**
     * SockScope's helper {@code fill(fd)}: {@code send(fd, …, MSG_DONTWAIT)} until EAGAIN, again
     * after every ACK has come back, until the buffers are really full. Returns the bytes its calls
     * sent in all (-1 with the errno when a call failed with anything but EAGAIN).
     */
    record Fill(int fd) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("fill", fd, 0, LinuxAbi.MSG_DONTWAIT, "fill(" + fd + ") /* send(" + fd + ", …, MSG_DONTWAIT) until EAGAIN */");
        }

        public Result execute(long callId) {
            return Loops.fill(fd, callId);
        }
    }

    /**
     * SockScope's helper {@code drain(fd)}: {@code recv(fd, …, MSG_DONTWAIT)} until EAGAIN or end of
     * stream. Returns the bytes its calls received in all (-1 with the errno on another error).
     */
    record Drain(int fd) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public CallSpec spec() {
            return new CallSpec("drain", fd, 0, LinuxAbi.MSG_DONTWAIT, "drain(" + fd + ") /* recv(" + fd + ", …, MSG_DONTWAIT) until EAGAIN */");
        }

        public Result execute(long callId) {
            return Loops.drain(fd);
        }
    }

    /**
     * {@code call} made again and again until {@code until} accepts its result or {@code max} calls
     * were made, as a busy loop does. Recorded as one entry; its data text says how many calls ran.
     */
    record Repeat(Call call, Until until, long max) implements Call {
        @Override
        public boolean movesBytes() {
            return call.movesBytes();
        }

        public int fd() {
            return call.fd();
        }

        @Override
        public List<Integer> fds() {
            return call.fds();
        }

        public CallSpec spec() {
            CallSpec inner = call.spec();
            return new CallSpec(inner.name(), inner.fd(), inner.length(), inner.flags(), "loop: " + inner.text());
        }

        public Set<String> sleepsIn() {
            return call.sleepsIn();
        }

        public Result execute(long callId) {
            return Loops.repeat(this, callId);
        }
    }

    /** {@code bind(fd, {127.0.0.1:port}, 16)}: SockScope binds loopback addresses only; port 0 lets the kernel choose. */
    record Bind(int fd, int port) implements Call {
        public CallSpec spec() {
            return new CallSpec("bind", fd, 0, 0, "bind(" + fd + ", {127.0.0.1:" + port + "}, 16)");
        }

        public Result execute(long callId) {
            return new Result(Libc.bind(fd, org.sockscope.posix.SockAddr.loopback(port)), "");
        }
    }

    /** {@code listen(fd, backlog)}. */
    record Listen(int fd, int backlog) implements Call {
        public CallSpec spec() {
            return new CallSpec("listen", fd, 0, 0, "listen(" + fd + ", " + backlog + ")");
        }

        public Result execute(long callId) {
            return new Result(Libc.listen(fd, backlog), "");
        }
    }

    /**
     * {@code getsockname(fd, &addr, &len)}: returns 0 (or -1 with errno); the address the kernel
     * wrote into {@code addr} is the result's data, {@code 127.0.0.1:40312}.
     */
    record GetSockName(int fd) implements Call {
        public CallSpec spec() {
            return new CallSpec("getsockname", fd, 0, 0, "getsockname(" + fd + ", &addr, &len)");
        }

        public Result execute(long callId) {
            Libc.Named n = Libc.getsocknameCall(fd);
            return new Result(n.result(), n.address() == null ? "" : n.address().toString());
        }
    }

    /** {@code accept(fd, NULL, NULL)}; the lab registers the new descriptor. */
    record Accept(int fd) implements Call {
        public CallSpec spec() {
            return new CallSpec("accept", fd, 0, 0, "accept(" + fd + ", NULL, NULL)");
        }

        public Set<String> sleepsIn() {
            return Set.of("accept", "accept4");
        }

        public Result execute(long callId) {
            return new Result(Libc.accept(fd), "");
        }
    }

    /**
     * SockScope's {@code spawn(name)}: a new process, started with {@code posix_spawn} and holding a
     * copy of every descriptor of this process that has no FD_CLOEXEC, at the same numbers (returns
     * its pid); or, with {@code thread}, a new thread of this process, sharing its table (returns
     * the thread's kernel id). The lab makes it ({@code Lab.spawn}); {@code control} tells a new
     * process where to report (set by the world that runs the lesson).
     */
    record Spawn(String name, boolean thread, String control) implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("spawn", -1, 0, 0, "spawn(" + name + ") /* "
                    + (thread ? "a thread: pthread_create()" : "a process: posix_spawn()") + " */");
        }

        public Result execute(long callId) {
            throw new UnsupportedOperationException("spawn() is made by its lab, which knows the process's descriptors");
        }
    }

    /** {@code name = value;}: a global variable in the process's user-space memory ({@link Memory}); no system call. */
    record Store(String name, long value) implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("set", -1, 0, 0, name + " = " + value + " /* user-space memory */");
        }

        public Result execute(long callId) {
            throw new UnsupportedOperationException("a variable is set in its lab's memory");
        }
    }

    /** Reads global variable {@code name} from the process's user-space memory ({@link Memory}); no system call. */
    record Load(String name) implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("get", -1, 0, 0, name + " /* read from user-space memory */");
        }

        public Result execute(long callId) {
            throw new UnsupportedOperationException("a variable is read from its lab's memory");
        }
    }

    // ---- epoll(7), descriptor limits, CPU affinity: added in one block ----------------------

    /** {@code epoll_create1(EPOLL_CLOEXEC)}: a new epoll instance; its descriptor is the return value. */
    record EpollCreate() implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("epoll_create1", -1, 0, 0, "epoll_create1(EPOLL_CLOEXEC)");
        }

        public Result execute(long callId) {
            return new Result(Libc.epollCreate1(LinuxAbi.EPOLL_CLOEXEC), "");
        }
    }

    /** {@code epoll_ctl(epfd, op, fd, &{events, .data.fd = fd})}: the kernel's interest list of {@code epfd} changes. */
    record EpollCtl(int epfd, int op, int target, int events) implements Call {
        public int fd() {
            return epfd;
        }

        public CallSpec spec() {
            String o = switch (op) {
                case LinuxAbi.EPOLL_CTL_ADD -> "EPOLL_CTL_ADD";
                case LinuxAbi.EPOLL_CTL_DEL -> "EPOLL_CTL_DEL";
                case LinuxAbi.EPOLL_CTL_MOD -> "EPOLL_CTL_MOD";
                default -> Integer.toString(op);
            };
            List<String> ev = new ArrayList<>();
            if ((events & LinuxAbi.EPOLLIN) != 0) {
                ev.add("EPOLLIN");
            }
            if ((events & LinuxAbi.EPOLLOUT) != 0) {
                ev.add("EPOLLOUT");
            }
            if ((events & LinuxAbi.EPOLLEXCLUSIVE) != 0) {
                ev.add("EPOLLEXCLUSIVE");
            }
            String e = op == LinuxAbi.EPOLL_CTL_DEL ? "NULL" : "{" + (ev.isEmpty() ? "0" : String.join("|", ev)) + ", " + target + "}";
            return new CallSpec("epoll_ctl", epfd, 0, 0, "epoll_ctl(" + epfd + ", " + o + ", " + target + ", " + e + ")");
        }

        public Result execute(long callId) {
            return new Result(Libc.epollCtl(epfd, op, target, events), "");
        }
    }

    /**
     * {@code epoll_wait(epfd, events, maxEvents, timeout)} (-1: no timeout); the data lists the
     * descriptors it returned, with the same words as select()'s: {@code readable [5, 7]} (EPOLLIN,
     * EPOLLHUP or EPOLLERR; a hang-up is read as end of stream).
     */
    record EpollWait(int epfd, int maxEvents, int timeoutMillis) implements Call {
        public int fd() {
            return epfd;
        }

        public CallSpec spec() {
            return new CallSpec("epoll_wait", epfd, 0, 0, "epoll_wait(" + epfd + ", events, " + maxEvents + ", " + timeoutMillis + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("epoll_wait", "epoll_pwait");
        }

        public Result execute(long callId) {
            List<Libc.EpollEvent> ready = new ArrayList<>();
            SysResult res = Libc.epollWait(epfd, maxEvents, timeoutMillis, ready);
            if (res.failed()) {
                return new Result(res, "");
            }
            return new Result(res, "readable " + ready.stream().map(Libc.EpollEvent::fd).toList());
        }
    }

    /**
     * {@code getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len)} on a listening socket: returns
     * {@code tcpi_unacked}, the connections waiting in its accept queue; the data is
     * {@code queue 3 backlog 16} ({@code tcpi_sacked} is the backlog, the queue's limit).
     */
    record ListenQueue(int fd) implements Call {
        public CallSpec spec() {
            return new CallSpec("getsockopt", fd, 0, 0, "getsockopt(" + fd + ", IPPROTO_TCP, TCP_INFO, &info, &len) /* accept queue */");
        }

        public Result execute(long callId) {
            Libc.TcpInfoResult t = Libc.tcpInfo(fd);
            if (t.info() == null) {
                return new Result(new SysResult(-1, t.errno()), "");
            }
            return new Result(SysResult.ok(t.info().unacked()), "queue " + t.info().unacked() + " backlog " + t.info().sacked());
        }
    }

    /** {@code dup(fd)}: a new descriptor for the same socket, at the lowest free number; the lab registers it. */
    record Dup(int fd) implements Call {
        public CallSpec spec() {
            return new CallSpec("dup", fd, 0, 0, "dup(" + fd + ")");
        }

        public Result execute(long callId) {
            return new Result(Libc.dup(fd), "");
        }
    }

    /**
     * {@code getrlimit(RLIMIT_NOFILE)}, then {@code setrlimit(RLIMIT_NOFILE)} with the soft limit
     * raised to the hard one: returns the new soft limit; the data is {@code was 1024/20000 now
     * 20000/20000} (soft/hard, as the kernel reported them before and after).
     */
    record RaiseNoFile() implements Call {
        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("setrlimit", -1, 0, 0, "getrlimit(RLIMIT_NOFILE, &r); r.rlim_cur = r.rlim_max; setrlimit(RLIMIT_NOFILE, &r)");
        }

        public Result execute(long callId) {
            Libc.Rlimit was = Libc.getrlimit(Libc.RLIMIT_NOFILE);
            if (was == null) {
                return new Result(new SysResult(-1, org.sockscope.posix.Errno.EINVAL), "");
            }
            SysResult set = Libc.setrlimit(Libc.RLIMIT_NOFILE, was.hard(), was.hard());
            Libc.Rlimit now = Libc.getrlimit(Libc.RLIMIT_NOFILE);
            String data = "was " + was.soft() + "/" + was.hard() + (now == null ? "" : " now " + now.soft() + "/" + now.hard());
            return new Result(set.failed() ? set : SysResult.ok(now == null ? was.hard() : now.soft()), data, 3, set,
                    org.sockscope.trace.CallOutcome.Stop.RETURNED, 0);
        }
    }

    /**
     * {@code sched_setaffinity(tid, sizeof(set), &set)} for every thread of the calling process
     * ({@code /proc/self/task}): the process may run only on the CPUs in {@code cpus}, and a thread
     * its threads create later inherits that. Returns how many threads it pinned.
     */
    record PinToCpus(List<Integer> cpus) implements Call {
        public PinToCpus {
            cpus = List.copyOf(cpus);
        }

        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("sched_setaffinity", -1, 0, 0, "for each thread t of this process: sched_setaffinity(t, sizeof(set), {"
                    + cpus.stream().map(String::valueOf).collect(Collectors.joining(",")) + "})");
        }

        public Result execute(long callId) {
            java.util.BitSet set = new java.util.BitSet();
            cpus.forEach(set::set);
            long pinned = 0;
            SysResult last = SysResult.ok(0);
            try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                for (java.nio.file.Path t : tasks.toList()) {
                    last = Libc.setAffinity(Integer.parseInt(t.getFileName().toString()), set);
                    if (last.failed() && last.errno() != 3 /* ESRCH */) {
                        return new Result(last, "");
                    }
                    pinned += last.failed() ? 0 : 1; // ESRCH: the thread ended meanwhile
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("/proc/self/task could not be read: " + e.getMessage());
            }
            return new Result(SysResult.ok(pinned), "pinned " + pinned + " threads", pinned, last,
                    org.sockscope.trace.CallOutcome.Stop.RETURNED, 0);
        }
    }

    /**
     * SockScope's load loop {@code clients(first..first+count-1)}: {@code count} clients of
     * 127.0.0.1:{@code port} driven by this one thread with epoll, each making {@code requests}
     * exchanges of {@code size} bytes {@code thinkMillis} apart ({@link ClientLoop}), with at most
     * {@code maxConnecting} clients connected or connecting and not yet answered once; at most {@code deadlineMillis}. Returns
     * the exchanges completed; the data lists each one's stamps, {@code client:request:start:end}
     * (CLOCK_MONOTONIC ns), then {@code | failed: …} when a call failed.
     */
    record ClientLoop(int port, int first, int count, int requests, int size, int thinkMillis, int maxConnecting,
                      int deadlineMillis) implements Call {
        @Override
        public boolean movesBytes() {
            return true;
        }

        public int fd() {
            return -1;
        }

        public CallSpec spec() {
            return new CallSpec("client_loop", -1, size, 0, "client_loop(" + count + " clients of 127.0.0.1:" + port + ", " + requests
                    + " × " + size + " bytes) /* socket, connect, send, recv, close on each, epoll_wait for all */");
        }

        public Set<String> sleepsIn() {
            return Set.of("epoll_wait", "epoll_pwait");
        }

        public Result execute(long callId) {
            return org.sockscope.lab.ClientLoop.run(this, callId);
        }
    }

    /** A C rendering of send/recv flags ({@code MSG_DONTWAIT|MSG_PEEK}, or {@code 0}). */
    final class Flags {
        private Flags() {
        }

        static String msg(int flags) {
            List<String> names = new ArrayList<>();
            if ((flags & LinuxAbi.MSG_PEEK) != 0) {
                names.add("MSG_PEEK");
            }
            if ((flags & LinuxAbi.MSG_DONTWAIT) != 0) {
                names.add("MSG_DONTWAIT");
            }
            if ((flags & LinuxAbi.MSG_WAITALL) != 0) {
                names.add("MSG_WAITALL");
            }
            if ((flags & LinuxAbi.MSG_TRUNC) != 0) {
                names.add("MSG_TRUNC");
            }
            int rest = flags & ~(LinuxAbi.MSG_PEEK | LinuxAbi.MSG_DONTWAIT | LinuxAbi.MSG_WAITALL | LinuxAbi.MSG_TRUNC);
            if (rest != 0) {
                names.add("0x" + Integer.toHexString(rest));
            }
            return names.isEmpty() ? "0" : String.join("|", names);
        }
    }
}
