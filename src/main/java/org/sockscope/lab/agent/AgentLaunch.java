package org.sockscope.lab.agent;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.DescriptorTable;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a process actor is started, by the app or by another process actor: its command line, and
 * which descriptors it inherits (every one without FD_CLOEXEC, as for any program).
 */
final class AgentLaunch {
    /**
     * JVM flags for a small, quick agent (measured in docs/benchmarks.md). {@code -XX:-MaxFDLimit}:
     * the JVM leaves RLIMIT_NOFILE as the agent inherited it (HotSpot raises the soft limit to the
     * hard one by itself otherwise), as a C program would, so a lab run's own raise is what shows.
     * The heap is 64 MB unless {@code -Dsockscope.agentHeap=SIZE} says otherwise (the concurrency
     * lab's 10,000 connections; the agent passes it on to the processes it spawns).
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m",
            "-Xmx" + agentHeap(), "-Dsockscope.agentHeap=" + agentHeap(),
            "-XX:-UsePerfData", "-XX:-MaxFDLimit", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED");
    private static String agentHeap() {
        String h = System.getProperty("sockscope.agentHeap", "64m");
        return h.matches("[1-9][0-9]{0,5}[mMgG]") ? h : "64m";
    }

    /** The prefix of a variable the new process starts with a copy of: {@code var:NAME=VALUE}. */
    static final String VARIABLE = "var:";

    private AgentLaunch() {
    }

    /** Worked out once: the class path and the JDK do not change while the app runs. */
    private static final class ClassData {
        static final List<String> FLAGS = classDataArchive(System.getProperty("java.class.path"),
                java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "sockscope"));
    }

    /**
     * The flags that keep the agent's loaded classes in a class-data archive in {@code cacheDir},
     * made by the first agent that exits and mapped by the next (posix_spawn → hello about 40 %
     * quicker: docs/benchmarks.md); the JVM checks the archive against the JDK and the jars and
     * makes it anew when they changed. None when the class path has a directory (the build's
     * {@code target/classes}: a class-data archive holds classes from jars only) or the cache
     * folder cannot be made. One archive per JDK and class path.
     */
    static List<String> classDataArchive(String classPath, java.nio.file.Path cacheDir) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(entry))) {
                return List.of();
            }
        }
        try {
            java.nio.file.Files.createDirectories(cacheDir);
        } catch (java.io.IOException | SecurityException e) {
            return List.of();
        }
        String key = Integer.toHexString((System.getProperty("java.home") + Runtime.version() + classPath).hashCode());
        return List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + cacheDir.resolve("agent-" + key + ".jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * The runtime's own java, not this process's command: in the packaged app that is the jpackage
     * launcher, which would take the JVM flags and Agent for the app's arguments.
     */
    static String java() {
        return System.getProperty("java.home") + "/bin/java";
    }

    /**
     * {@code java FLAGS -cp CLASSPATH Agent CONTROL PARENT_PID CLOCK_ORIGIN HZ PROCESS [FD=LABEL …]
     * [var:NAME=VALUE …]}: {@code control} is {@code fd:N} (a control channel it inherits at N) or
     * {@code tcp:PORT:TOKEN} (the app's control listener, where it reports with the token);
     * {@code inherited} the lesson's descriptors it holds from the start, {@code memory} the
     * variables it starts with a copy of.
     */
    static List<String> argv(String control, int parentPid, long origin, int hz, String process,
                             Map<Integer, String> inherited, Map<String, Long> memory) {
        List<String> argv = new ArrayList<>();
        argv.add(java());
        argv.addAll(JVM_FLAGS);
        argv.addAll(ClassData.FLAGS);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Agent.class.getName(), control,
                Integer.toString(parentPid), Long.toString(origin), Integer.toString(hz), process));
        inherited.forEach((fd, label) -> argv.add(fd + "=" + label));
        memory.forEach((name, value) -> argv.add(VARIABLE + name + "=" + value));
        return argv;
    }

    /**
     * Marks every descriptor above 2 but {@code keep} close-on-exec, so a process spawned now
     * inherits stdin, stdout, stderr and {@code keep} only (the JVM opens its files without
     * FD_CLOEXEC; they are not the lesson's). Call it while SockScope opens no file of its own.
     * Returns the table as it was, before the marking.
     */
    static List<Descriptor> closeOnExecExcept(Set<Integer> keep) {
        List<Descriptor> table = DescriptorTable.self();
        for (Descriptor d : table) {
            if (d.fd() > 2 && !keep.contains(d.fd())) {
                Libc.fcntl(d.fd(), LinuxAbi.F_SETFD, LinuxAbi.FD_CLOEXEC);
            }
        }
        return table;
    }
}
