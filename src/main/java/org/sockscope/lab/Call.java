package org.sockscope.lab;

import org.sockscope.posix.FdSet;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SysResult;
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

    /** The names of the system calls this call may sleep in, per {@code /proc/…/syscall}. */
    Set<String> sleepsIn();

    /** Runs the call on the current thread. */
    Result execute(long callId);

    /** What a call returned, and the bytes it copied out (run-length text) for read-side calls. */
    record Result(SysResult sys, String data) {
    }

    /** {@code send(fd, s_buf, length, flags)}. */
    record Send(int fd, int length, int flags) implements Call {
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
        public CallSpec spec() {
            return new CallSpec("recv", fd, length, flags, "recv(" + fd + ", r_buf, " + length + ", " + Flags.msg(flags) + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("recvfrom", "recvmsg");
        }

        public Result execute(long callId) {
            byte[] buf = new byte[length];
            SysResult r = Libc.recv(fd, buf, length, flags);
            return new Result(r, Payload.describe(buf, (int) r.value()));
        }
    }

    /** {@code write(fd, buf, length)}. */
    record Write(int fd, int length) implements Call {
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
        public CallSpec spec() {
            return new CallSpec("read", fd, length, 0, "read(" + fd + ", buf, " + length + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("read");
        }

        public Result execute(long callId) {
            byte[] buf = new byte[length];
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

        public Set<String> sleepsIn() {
            return Set.of();
        }

        public Result execute(long callId) {
            return new Result(Libc.setNonBlocking(fd, on), "");
        }
    }

    /** {@code setsockopt(fd, SOL_SOCKET, SO_SNDBUF|SO_RCVBUF, &value, sizeof value)}. */
    record SetBufferSize(int fd, int option, int value) implements Call {
        public CallSpec spec() {
            String name = option == LinuxAbi.SO_SNDBUF ? "SO_SNDBUF" : "SO_RCVBUF";
            return new CallSpec("setsockopt", fd, 0, 0, "setsockopt(" + fd + ", SOL_SOCKET, " + name + ", " + value + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of();
        }

        public Result execute(long callId) {
            return new Result(Libc.setsockoptInt(fd, LinuxAbi.SOL_SOCKET, option, value), "");
        }
    }

    /** {@code setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO|SO_RCVTIMEO, {millis}, …)}. */
    record SetTimeout(int fd, int option, long millis) implements Call {
        public CallSpec spec() {
            String name = option == LinuxAbi.SO_SNDTIMEO ? "SO_SNDTIMEO" : "SO_RCVTIMEO";
            return new CallSpec("setsockopt", fd, 0, 0, "setsockopt(" + fd + ", SOL_SOCKET, " + name + ", " + millis + " ms)");
        }

        public Set<String> sleepsIn() {
            return Set.of();
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

        public Set<String> sleepsIn() {
            return Set.of();
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

        public Set<String> sleepsIn() {
            return Set.of();
        }

        public Result execute(long callId) {
            return new Result(Libc.close(fd), "");
        }
    }

    /**
     * {@code select(nfds, &readfds, NULL, NULL, timeout)} on {@code readFds}; the data text lists
     * the descriptors the kernel left in the set (the ready ones). Negative timeout: wait forever.
     */
    record Select(List<Integer> readFds, long timeoutMicros) implements Call {
        public Select {
            readFds = List.copyOf(readFds);
        }

        public int fd() {
            return readFds.isEmpty() ? -1 : readFds.getFirst();
        }

        public CallSpec spec() {
            FdSet set = new FdSet();
            readFds.forEach(set::set);
            String tv = timeoutMicros < 0 ? "NULL" : "{" + timeoutMicros / 1_000_000 + "s " + timeoutMicros % 1_000_000 + "us}";
            return new CallSpec("select", fd(), 0, 0, "select(" + set.nfds() + ", {" + readFds.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + "}, NULL, NULL, " + tv + ")");
        }

        public Set<String> sleepsIn() {
            return Set.of("select", "pselect6");
        }

        public Result execute(long callId) {
            FdSet set = new FdSet();
            readFds.forEach(set::set);
            SysResult r = Libc.select(set.nfds(), set, null, null, timeoutMicros);
            List<Integer> ready = r.failed() ? List.of() : new ArrayList<>(set.members());
            return new Result(r, r.failed() ? "" : "ready " + ready);
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
            int rest = flags & ~(LinuxAbi.MSG_PEEK | LinuxAbi.MSG_DONTWAIT | LinuxAbi.MSG_WAITALL);
            if (rest != 0) {
                names.add("0x" + Integer.toHexString(rest));
            }
            return names.isEmpty() ? "0" : String.join("|", names);
        }
    }
}
