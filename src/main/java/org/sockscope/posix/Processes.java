package org.sockscope.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

import static org.sockscope.posix.Native.C_INT;
import static org.sockscope.posix.Native.C_LONG;
import static org.sockscope.posix.Native.PTR;

/**
 * Processes as the kernel makes them: {@code posix_spawn} with this process's environment (the child
 * inherits every descriptor without FD_CLOEXEC, at the same number; ProcessBuilder would close them),
 * {@code waitpid}, {@code kill}, {@code prctl(PR_SET_PDEATHSIG)}, and {@code socketpair} for a
 * control channel.
 */
public final class Processes {
    private Processes() {
    }

    private static final MethodHandle POSIX_SPAWN = Native.plainHandle("posix_spawn",
            FunctionDescriptor.of(C_INT, PTR, PTR, PTR, PTR, PTR, PTR));
    private static final MethodHandle WAITPID = Native.errnoHandle("waitpid", FunctionDescriptor.of(C_INT, C_INT, PTR, C_INT));
    private static final MethodHandle KILL = Native.errnoHandle("kill", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final MethodHandle PRCTL = Native.errnoHandle("prctl",
            FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_LONG, C_LONG, C_LONG), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle GETPPID = Native.plainHandle("getppid", FunctionDescriptor.of(C_INT));
    private static final MethodHandle SOCKETPAIR = Native.errnoHandle("socketpair",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, PTR));

    public static final int SIGKILL = 9;
    private static final int PR_SET_PDEATHSIG = 1;
    private static final int WNOHANG = 1;

    /** {@code posix_spawn(path, argv, environ)}: the child's pid, or -1 with the error number it returned. */
    public static SysResult spawn(String path, List<String> argv) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pid = arena.allocate(C_INT);
            MemorySegment args = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1);
            for (int i = 0; i < argv.size(); i++) {
                args.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
            }
            args.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
            MemorySegment environ = Native.symbol("environ").reinterpret(ValueLayout.ADDRESS.byteSize())
                    .get(ValueLayout.ADDRESS, 0);
            MemorySegment file = arena.allocateFrom(path);
            int rc = Libc.call(() -> (int) POSIX_SPAWN.invokeExact(pid, file, MemorySegment.NULL, MemorySegment.NULL,
                    args, environ));
            return rc != 0 ? new SysResult(-1, rc) : SysResult.ok(pid.get(C_INT, 0));
        }
    }

    /**
     * {@code waitpid(pid, &status, block ? 0 : WNOHANG)}: the wait status once the child has ended
     * (and is reaped), -2 while it runs (only without {@code block}), -1 with errno on failure.
     */
    public static SysResult waitpid(int pid, boolean block) {
        Native.Scratch s = Native.scratch();
        int rc = Libc.call(() -> (int) WAITPID.invokeExact(s.errno, pid, s.int2, block ? 0 : WNOHANG));
        if (rc == -1) {
            return new SysResult(-1, Native.errno(s.errno));
        }
        return rc == 0 ? SysResult.ok(-2) : SysResult.ok(s.int2.get(C_INT, 0));
    }

    /** The signal that ended a child, from a wait status; 0 when it exited by itself. */
    public static int termSignal(int status) {
        return status & 0x7f;
    }

    /** The exit code of a child that exited by itself, from a wait status. */
    public static int exitCode(int status) {
        return (status >> 8) & 0xff;
    }

    /** {@code kill(pid, signal)}. */
    public static SysResult kill(int pid, int signal) {
        Native.Scratch s = Native.scratch();
        int rc = Libc.call(() -> (int) KILL.invokeExact(s.errno, pid, signal));
        return rc == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(0);
    }

    /** {@code prctl(PR_SET_PDEATHSIG, signal)}: the kernel sends {@code signal} to this process when its parent thread ends. */
    public static SysResult dieWithParent(int signal) {
        Native.Scratch s = Native.scratch();
        int rc = Libc.call(() -> (int) PRCTL.invokeExact(s.errno, PR_SET_PDEATHSIG, (long) signal, 0L, 0L, 0L));
        return rc == -1 ? new SysResult(-1, Native.errno(s.errno)) : SysResult.ok(0);
    }

    /** {@code getppid()}. */
    public static int parentPid() {
        return Libc.call(() -> (int) GETPPID.invokeExact());
    }

    /** Two connected ends of a socketpair, or errno when it failed. */
    public record Pair(int first, int second, int errno) {
        /** True when socketpair() failed. */
        public boolean failed() {
            return first < 0;
        }
    }

    /** {@code socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)}: two connected ends, or errno. */
    public static Pair socketPair() {
        Native.Scratch s = Native.scratch();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(C_INT, 2);
            int rc = Libc.call(() -> (int) SOCKETPAIR.invokeExact(s.errno, LinuxAbi.AF_UNIX,
                    LinuxAbi.SOCK_STREAM | SOCK_CLOEXEC, 0, fds));
            return rc == -1 ? new Pair(-1, -1, Native.errno(s.errno))
                    : new Pair(fds.getAtIndex(C_INT, 0), fds.getAtIndex(C_INT, 1), 0);
        }
    }

    private static final int SOCK_CLOEXEC = 0x80000;
}
