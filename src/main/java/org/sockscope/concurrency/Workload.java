package org.sockscope.concurrency;

/**
 * What the load process does: {@code clients} connections, each making {@code requests}
 * request/response exchanges of {@code size} bytes, {@code thinkMillis} apart; the first
 * {@code slowClients} of them connect first, send half of their first request, and stall until the
 * other clients are done (at most {@code stallMillis}) before sending the rest; the others connect
 * once the slow ones have stalled. The server computes {@code cpuMillis} of its thread's CPU time
 * for each request before it answers.
 */
public record Workload(int clients, int requests, int size, int thinkMillis, int slowClients, int stallMillis,
                       int cpuMillis) {
    /** The most clients this engine runs (past 100, the load process drives them with a few epoll loops). */
    public static final int MAX_CLIENTS = 10_000;

    public Workload {
        check(clients, 1, MAX_CLIENTS, "clients");
        check(requests, 1, 100_000, "requests");
        check(size, 1, 1 << 20, "size");
        check(thinkMillis, 0, 60_000, "think time (ms)");
        check(slowClients, 0, clients, "slow clients");
        check(stallMillis, 0, 60_000, "stall (ms)");
        check(cpuMillis, 0, 10_000, "CPU work per request (ms)");
    }

    /** A workload without CPU work on the server. */
    public Workload(int clients, int requests, int size, int thinkMillis, int slowClients, int stallMillis) {
        this(clients, requests, size, thinkMillis, slowClients, stallMillis, 0);
    }

    private static void check(long v, long min, long max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " is " + v + ", outside " + min + ".." + max);
        }
    }

    /** Every exchange of every client. */
    public long totalRequests() {
        return (long) clients * requests;
    }
}
