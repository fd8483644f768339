package org.sockscope.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcall handles into libc, each capturing {@code errno}, and the per-thread scratch memory the
 * calls use. Package-private: {@link Libc} is the only door to it.
 */
@SuppressWarnings("restricted") // linking to and reading from C is this layer's job (DESIGN.md: posix)
final class Native {
    private Native() {
    }

    static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    static final ValueLayout PTR = ValueLayout.ADDRESS;

    /** A handle for {@code name} whose first argument is the errno capture segment. */
    static MethodHandle errnoHandle(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = CAPTURE;
        System.arraycopy(extra, 0, options, 1, extra.length);
        return LINKER.downcallHandle(symbol(name), fd, options);
    }

    /** A handle for {@code name} that does not capture errno (calls that cannot fail). */
    static MethodHandle plainHandle(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(symbol(name), fd);
    }

    /** The address of libc's {@code name}. */
    static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
    }

    // ---- the call meter (src/main/c/sockscope_meter.c) -------------------------------------

    /** struct ss_meter: ret, err, wall0, wall1, cpu0, cpu1, nvcsw0, nvcsw1, nivcsw0, nivcsw1 (all long). */
    static final long METER_SIZE = 10 * 8;
    private static final String METER_RESOURCE = "linux-" + System.getProperty("os.arch") + "/libsockscope_meter.so";
    private static String meterProblem = "";
    /** {@code long ss_metered(void *fn, int int_ret, long a0..a5, struct ss_meter *m)}, or null. */
    static final MethodHandle METERED = loadMeter();

    private static MethodHandle loadMeter() {
        try (var in = Native.class.getResourceAsStream(METER_RESOURCE)) {
            if (in == null) {
                meterProblem = "the call meter library " + METER_RESOURCE + " is not in this build"
                        + " (it is compiled on Linux with cc during the build)";
                return null;
            }
            java.nio.file.Path file = java.nio.file.Files.createTempFile("sockscope_meter", ".so");
            file.toFile().deleteOnExit();
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            SymbolLookup lib = SymbolLookup.libraryLookup(file, Arena.global());
            MemorySegment fn = lib.find("ss_metered").orElseThrow(() -> new UnsatisfiedLinkError("ss_metered"));
            return LINKER.downcallHandle(fn, FunctionDescriptor.of(C_LONG, PTR, C_INT,
                    C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, PTR));
        } catch (java.io.IOException | RuntimeException | UnsatisfiedLinkError e) {
            meterProblem = "the call meter library could not be loaded: " + e.getMessage();
            return null;
        }
    }

    static boolean meterAvailable() {
        return METERED != null;
    }

    static String meterProblem() {
        return meterProblem;
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /**
     * Small native buffers reused by every call on one thread, so a call allocates nothing. Freed by
     * the garbage collector when the thread is gone (automatic arena).
     */
    static final class Scratch {
        final MemorySegment errno;
        final MemorySegment int1;
        final MemorySegment int2;
        final MemorySegment len;
        final MemorySegment sockaddr;
        final MemorySegment timeval;
        final MemorySegment tcpInfo;
        final MemorySegment meterState;
        final CallMeter meter = new CallMeter();

        Scratch(Arena arena) {
            errno = arena.allocate(CAPTURE_LAYOUT);
            int1 = arena.allocate(C_INT);
            int2 = arena.allocate(C_INT);
            len = arena.allocate(C_INT);
            sockaddr = arena.allocate(128, 8);
            timeval = arena.allocate(16, 8);
            tcpInfo = arena.allocate(TcpInfo.BUFFER_SIZE, 8);
            meterState = arena.allocate(METER_SIZE, 8);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(Arena.ofAuto()));

    static Scratch scratch() {
        return SCRATCH.get();
    }
}
