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
    /** JVM flags for a small, quick agent (measured in docs/benchmarks.md). */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m",
            "-XX:-UsePerfData", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED");
    /** The prefix of a variable the new process starts with a copy of: {@code var:NAME=VALUE}. */
    static final String VARIABLE = "var:";

    private AgentLaunch() {
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
