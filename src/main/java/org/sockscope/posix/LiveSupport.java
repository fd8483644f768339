package org.sockscope.posix;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether live mode (real sockets through libc) can run in this JVM, and if not, one line that
 * says what is missing and what to do. The app and the command line ask here before anything
 * touches {@link Libc}, so a missing piece is a message, never an {@code ExceptionInInitializerError}.
 * It loads {@code Native} (for the call meter) only once the platform, native access and a
 * plain libc call have passed, and never loads {@link Libc}.
 */
@SuppressWarnings("restricted") // linking to and reading from C is this layer's job (DESIGN.md: posix)
public final class LiveSupport {
    /** System property; {@code off} forces "no live mode" (as on a machine without it). */
    public static final String PROPERTY = "sockscope.live";
    /**
     * Native access as the JVM started, read when this class is first used. Read it later and it can
     * lie: under the JDK's default ({@code --illegal-native-access=warn}) the first restricted call
     * from the class path (JavaFX loading its libraries) prints a warning and then switches native
     * access on. {@code Launcher} therefore asks here before JavaFX starts.
     */
    private static final boolean NATIVE_ACCESS_AT_START = LiveSupport.class.getModule().isNativeAccessEnabled();

    private LiveSupport() {
    }

    /** Empty when live mode can run here; otherwise why not and what to do, in one line. */
    public static Optional<String> unavailableReason() {
        Optional<String> reason = reason(System.getProperty(PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""), NATIVE_ACCESS_AT_START);
        return reason.isPresent() ? reason : LinkProbe.FAILURE;
    }

    /** The reason for the given inputs, without the link probe (tested with made-up platforms). */
    static Optional<String> reason(String live, String os, String arch, boolean nativeAccess) {
        if ("off".equalsIgnoreCase(live)) {
            return Optional.of("Live mode is switched off (-D" + PROPERTY + "=off): no sockets are opened."
                    + " Start without that option to run real sockets.");
        }
        if (!LinuxAbi.isSupported(os, arch)) {
            return Optional.of(platformMessage(os, arch));
        }
        if (!nativeAccess) {
            return Optional.of("Live mode calls libc through Java's FFM API, and this JVM was started without"
                    + " native access. Start with java --enable-native-access=ALL-UNNAMED -jar sockscope.jar"
                    + " (or add that option to your run configuration).");
        }
        return Optional.empty();
    }

    /** "Live mode needs Linux on x86_64 or aarch64; this is macOS aarch64. …" */
    static String platformMessage(String os, String arch) {
        return "Live mode needs Linux on x86_64 or aarch64; this is " + osName(os) + " " + arch + "."
                + " Recordings open here: File > Open recording…, or sockscope --replay FILE.";
    }

    /** The line for a libc link that failed after the checks passed (a missing symbol, say). */
    public static String linkFailure(Throwable e) {
        Throwable root = e;
        while ((root instanceof ExceptionInInitializerError || root.getMessage() == null) && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof UnsupportedPlatformException) {
            return root.getMessage();
        }
        return "Live mode could not link to libc through the FFM API (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + "). It needs glibc on Linux x86_64 or aarch64.";
    }

    private static String osName(String os) {
        String lower = os.toLowerCase(Locale.ROOT);
        return lower.startsWith("mac") || lower.startsWith("darwin") ? "macOS" : os;
    }

    /** Links and calls getpid() once, the first time it is asked (only when the checks above passed). */
    private static final class LinkProbe {
        static final Optional<String> FAILURE = probe();

        private static Optional<String> probe() {
            try {
                Linker linker = Linker.nativeLinker();
                MemorySegment getpid = linker.defaultLookup().find("getpid")
                        .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol getpid"));
                MethodHandle h = linker.downcallHandle(getpid, FunctionDescriptor.of(ValueLayout.JAVA_INT));
                int pid = (int) h.invokeExact();
                if (pid != ProcessHandle.current().pid()) {
                    return Optional.of(linkFailure(new UnsatisfiedLinkError(
                            "getpid() returned " + pid + ", the JVM is " + ProcessHandle.current().pid())));
                }
                // libc links: now the call meter, without which no call's blocking can be measured.
                if (!CallMeter.available()) {
                    return Optional.of("Live mode measures every call with SockScope's call meter, and "
                            + CallMeter.unavailableReason() + ". Build on Linux with a C compiler (apt-get install gcc libc6-dev).");
                }
                return Optional.empty();
            } catch (Throwable e) {
                return Optional.of(linkFailure(e));
            }
        }
    }
}
