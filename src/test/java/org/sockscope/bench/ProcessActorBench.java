package org.sockscope.bench;

import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.agent.Child;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: what a process actor costs. (1) posix_spawn → the agent's hello (its first message),
 * (2) the agent's resident memory then, (3) one call's round trip (submit → its return known to the
 * app) for a recv() that returns at once (MSG_DONTWAIT on an unconnected socket: ENOTCONN), on a
 * process actor and on a thread actor of the app, alternated in rounds. Prints min / median / max.
 * Run: ./mvnw -q test-compile exec:exec -Dbench=org.sockscope.bench.ProcessActorBench
 */
public final class ProcessActorBench {
    private ProcessActorBench() {
    }

    public static void main(String[] args) throws Exception {
        int spawns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<Double> startMs = new ArrayList<>();
        List<Double> rssMb = new ArrayList<>();
        List<Double> childUs = new ArrayList<>();
        List<Double> threadUs = new ArrayList<>();
        try (Lab lab = new Lab()) {
            Actor thread = lab.actor("T");
            int threadSock = (int) thread.submit(new Call.Socket()).get(5, TimeUnit.SECONDS).ret();
            for (int round = 0; round < spawns; round++) {
                long t0 = System.nanoTime();
                Child c = Child.spawn("P" + round, Lab.DEFAULT_HZ, new Trace(), List.of());
                startMs.add((System.nanoTime() - t0) / 1e6);
                rssMb.add(rssKb(c.pid()) / 1024.0);
                try {
                    int sock = (int) c.submit("P" + round, new Call.Socket()).result().get(5, TimeUnit.SECONDS).ret();
                    Call child = new Call.Recv(sock, 100, LinuxAbi.MSG_DONTWAIT);
                    Call own = new Call.Recv(threadSock, 100, LinuxAbi.MSG_DONTWAIT);
                    for (int i = 0; i < calls / spawns; i++) {
                        long a = System.nanoTime();
                        c.submit("P" + round, child).result().get(5, TimeUnit.SECONDS);
                        long b = System.nanoTime();
                        thread.submit(own).get(5, TimeUnit.SECONDS);
                        long d = System.nanoTime();
                        childUs.add((b - a) / 1e3);
                        threadUs.add((d - b) / 1e3);
                    }
                } finally {
                    c.close();
                }
            }
        }
        System.out.println("| figure | min | median | max | n |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("posix_spawn → agent's hello (ms)", startMs);
        row("agent's resident memory at hello (MB, VmRSS)", rssMb);
        row("round trip of one recv(), process actor (µs)", childUs);
        row("round trip of the same recv(), thread actor (µs)", threadUs);
        System.out.println("(agent JVM flags: " + String.join(" ", agentFlags()) + "; "
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
    }

    private static List<String> agentFlags() throws Exception {
        var f = Class.forName("org.sockscope.lab.agent.AgentLaunch").getDeclaredField("JVM_FLAGS");
        f.setAccessible(true);
        @SuppressWarnings("unchecked") List<String> flags = (List<String>) f.get(null);
        return flags;
    }

    private static long rssKb(int pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static void row(String what, List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        System.out.printf("| %s | %.1f | %.1f | %.1f | %d |%n", what, s.getFirst(), s.get(s.size() / 2), s.getLast(), s.size());
    }
}
