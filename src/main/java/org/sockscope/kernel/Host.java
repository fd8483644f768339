package org.sockscope.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the machine the kernel's answers come from, as a recording's header names them. */
public final class Host {
    private Host() {
    }

    /**
     * The kernel's release as {@code uname -r} prints it ({@code /proc/sys/kernel/osrelease}), with the
     * OS name: {@code Linux 6.18.0-…}; elsewhere the JVM's {@code os.name os.version}.
     */
    public static String kernel() {
        try {
            return "Linux " + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?");
        }
    }

    /** The architecture ({@code os.arch}: {@code amd64}, {@code aarch64}). */
    public static String arch() {
        return System.getProperty("os.arch", "?");
    }

    /** CPUs this process may run on. */
    public static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }
}
