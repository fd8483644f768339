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
@SuppressWarnings("restricted") // linking to and reading from C is this layer's job (DESIGN.md: posix)
public final class Processes {
    private Processes() {
    }

    private static final MethodHandle POSIX_SPAWN = Native.plainHandle("posix_spawn",
            FunctionDescriptor.of(C_INT, PTR, PTR, PTR, PTR, PTR, PTR));
    private static final MethodHandle ACTIONS_INIT = Native.plainHandle("posix_spawn_file_actions_init",
            FunctionDescriptor.of(C_INT, PTR));
    private static final MethodHandle ACTIONS_DUP2 = Native.plainHandle("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(C_INT, PTR, C_INT, C_INT));
    private static final MethodHandle ACTIONS_CLOSE = Native.plainHandle("posix_spawn_file_actions_addclose",
            FunctionDescriptor.of(C_INT, PTR, C_INT));
    private static final MethodHandle ACTIONS_DESTROY = Native.plainHandle("posix_spawn_file_actions_destroy",
            FunctionDescriptor.of(C_INT, PTR));
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

    /**
     * {@code posix_spawn(path, argv, environ)} (the child's pid, or -1 with the error number it
     * returned), with file actions that give the child descriptor {@code source} of this
     * process at number {@code moves.get(source)} (as a shell places a pipe end at 0 or 1). Each
     * source goes first to a number above {@code highestOpen} (free in the child), then to its
     * target, so no move overwrites a source another move still needs.
     */
    public static SysResult spawn(String path, List<String> argv, java.util.Map<Integer, Integer> moves, int highestOpen) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = MemorySegment.NULL;
            if (!moves.isEmpty()) {
                actions = arena.allocate(256); // posix_spawn_file_actions_t is 80 bytes in glibc
                MemorySegment fa = actions;
                check(Libc.call(() -> (int) ACTIONS_INIT.invokeExact(fa)), "posix_spawn_file_actions_init");
                int spare = highestOpen + 1;
                List<int[]> staged = new java.util.ArrayList<>();
                for (var m : moves.entrySet()) {
                    int src = m.getKey();
                    int tmp = spare++;
                    check(Libc.call(() -> (int) ACTIONS_DUP2.invokeExact(fa, src, tmp)), "adddup2");
                    staged.add(new int[] {tmp, m.getValue()});
                }
                for (int[] st : staged) {
                    check(Libc.call(() -> (int) ACTIONS_DUP2.invokeExact(fa, st[0], st[1])), "adddup2");
                    check(Libc.call(() -> (int) ACTIONS_CLOSE.invokeExact(fa, st[0])), "addclose");
                }
            }
            try {
                return spawnWith(arena, path, argv, actions);
            } finally {
                if (!moves.isEmpty()) {
                    MemorySegment fa = actions;
                    Libc.call(() -> (int) ACTIONS_DESTROY.invokeExact(fa));
                }
            }
        }
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException("posix_spawn_file_actions: " + what + " returned " + rc);
        }
    }

    private static SysResult spawnWith(Arena arena, String path, List<String> argv, MemorySegment actions) {
        MemorySegment pid = arena.allocate(C_INT);
        MemorySegment args = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1);
        for (int i = 0; i < argv.size(); i++) {
            args.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
        }
        args.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
        MemorySegment environ = Native.symbol("environ").reinterpret(ValueLayout.ADDRESS.byteSize())
                .get(ValueLayout.ADDRESS, 0);
        MemorySegment file = arena.allocateFrom(path);
        int rc = Libc.call(() -> (int) POSIX_SPAWN.invokeExact(pid, file, actions, MemorySegment.NULL,
                args, environ));
        return rc != 0 ? new SysResult(-1, rc) : SysResult.ok(pid.get(C_INT, 0));
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
