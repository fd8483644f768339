package org.sockscope.bench;

import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.trace.CallOutcome;

import java.util.concurrent.TimeUnit;

/**
 * Not a test: how many calls the engine records as blocked, (1) of N recv() calls that must sleep
 * (the peer sends 1–3 ms later), (2) of N recv() calls that cannot (data already queued,
 * MSG_DONTWAIT), with two busy loops beside them; and (3) what a Java-side bracket (getrusage by
 * an ordinary downcall before and after) would record for (2) with a thread forcing safepoints.
 * Run: ./mvnw -q test-compile exec:exec -Dbench=org.sockscope.bench.BlockingAccuracyBench
 */
public final class BlockingAccuracyBench {
    private static volatile boolean spinning = true;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Thread[] busy = new Thread[2];
        for (int i = 0; i < busy.length; i++) {
            busy[i] = Thread.ofPlatform().daemon(true).start(() -> {
                long x = 0;
                while (spinning) {
                    x += System.nanoTime() & 1;
                }
                if (x == 42) {
                    System.out.print("");
                }
            });
        }
        try (Lab lab = new Lab()) {
            Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
            Actor reader = lab.actor("P2");
            Actor writer = lab.actor("P1");
            int mustBlocked = 0;
            for (int i = 0; i < n; i++) {
                var f = reader.submit(new Call.Recv(c.serverFd(), 100, 0));
                // The actor runs at nice 10 beside two busy loops: make sure its recv() is in the
                // kernel before the data is sent, or it need not sleep at all.
                awaitAsleep(reader);
                Libc.usleep(1000 + (i % 3) * 1000);
                writer.submit(new Call.Send(c.clientFd(), 100, 0)).get(5, TimeUnit.SECONDS);
                if (f.get(5, TimeUnit.SECONDS).blocked()) {
                    mustBlocked++;
                }
            }
            int cannotBlocked = 0;
            for (int i = 0; i < n; i++) {
                writer.submit(new Call.Send(c.clientFd(), 10, 0)).get(5, TimeUnit.SECONDS);
                awaitQueued(c.serverFd());
                CallOutcome o = reader.submit(new Call.Recv(c.serverFd(), 10, LinuxAbi.MSG_DONTWAIT)).get(5, TimeUnit.SECONDS);
                if (o.blocked()) {
                    cannotBlocked++;
                }
            }
            System.out.printf("| set | calls | recorded blocked |%n|---|---|---|%n");
            System.out.printf("| must sleep (peer sends 1–3 ms later) | %d | %d |%n", n, mustBlocked);
            System.out.printf("| cannot sleep (data queued, MSG_DONTWAIT) | %d | %d |%n", n, cannotBlocked);
            javaSideBracket(c, n);
        } finally {
            spinning = false;
        }
    }

    /** The same cannot-sleep calls bracketed from Java, with a thread forcing safepoints (System.gc()). */
    private static void javaSideBracket(Lab.Connection c, int n) throws Exception {
        Thread gc = Thread.ofPlatform().daemon(true).start(() -> {
            while (spinning) {
                System.gc();
            }
        });
        int javaSide = 0;
        int meter = 0;
        byte[] buf = new byte[10];
        byte[] data = new byte[10];
        for (int i = 0; i < n; i++) {
            Libc.send(c.clientFd(), data, 0, 10, 0);
            awaitQueued(c.serverFd());
            org.sockscope.posix.CallMeter m = org.sockscope.posix.CallMeter.current();
            m.reset();
            long before = Libc.threadSwitches()[0];
            Libc.recv(c.serverFd(), buf, 10, LinuxAbi.MSG_DONTWAIT);
            long after = Libc.threadSwitches()[0];
            if (after > before) {
                javaSide++;
            }
            if (m.voluntarySwitches() > 0) {
                meter++;
            }
        }
        spinning = false;
        gc.join(5000);
        System.out.printf("| cannot sleep, System.gc() looping beside: getrusage bracketed from Java | %d | %d |%n", n, javaSide);
        System.out.printf("| the same calls, call meter (one native frame) | %d | %d |%n", n, meter);
    }

    private static void awaitAsleep(Actor a) {
        int pid = Libc.getpid();
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            var st = org.sockscope.kernel.ThreadProbe.read(pid, a.tid());
            if (st != null && st.sleepingInSyscall() && "recvfrom".equals(st.syscallName())) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitQueued(int fd) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (Libc.ioctlInt(fd, LinuxAbi.SIOCINQ).value() <= 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
