package org.sockscope.concurrency;

import org.sockscope.lab.Call;
import org.sockscope.lab.LabException;
import org.sockscope.lab.Performer;
import org.sockscope.lab.World;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The listener's accept queue over a run: a thread of the server process ({@code accept-queue})
 * asks the kernel with {@code getsockopt(TCP_INFO)} on the listening socket every
 * {@link #PERIOD_MILLIS} ms ({@code tcpi_unacked}: connections waiting to be accepted;
 * {@code tcpi_sacked}: the backlog). Its calls are recorded but are not the model's: they are left
 * out of the server's sums.
 */
public final class AcceptQueue {
    /** The pause between two readings (the driver sleeps; the reading itself is one call). */
    public static final long PERIOD_MILLIS = 5;

    /** One reading: when (CLOCK_MONOTONIC, the driver's, right after the call returned), the queue and the backlog. */
    public record Sample(long atNanos, int queue, int backlog) {
    }

    /** Every reading of one run, and why the readings ended early, if they did. */
    public record Series(List<Sample> samples, String problem, long startNanos) {
        /** The longest queue read. */
        public int peak() {
            return samples.stream().mapToInt(Sample::queue).max().orElse(-1);
        }

        /** The backlog the kernel reported (the queue's limit), -1 when never read. */
        public int backlog() {
            return samples.isEmpty() ? -1 : samples.getLast().backlog();
        }

        /** At most {@code n} readings, evenly spaced over the series, as {@code 0,3,7,…}. */
        public String sketch(int n) {
            if (samples.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            int step = Math.max(1, (int) Math.ceil(samples.size() / (double) n));
            for (int i = 0; i < samples.size(); i += step) {
                sb.append(sb.isEmpty() ? "" : ",").append(samples.get(i).queue());
            }
            return sb.toString();
        }
    }

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread driver;
    private volatile boolean stop;
    private volatile String problem = "";
    private final long t0;

    private AcceptQueue(Calls calls, Performer probe, int listener, long t0) {
        this.t0 = t0;
        driver = Thread.ofPlatform().name("accept-queue-driver").daemon(true).start(() -> {
            while (!stop) {
                try {
                    Calls.Made m = calls.observe(probe, new Call.ListenQueue(listener));
                    if (m.outcome().failed()) {
                        problem = "getsockopt(TCP_INFO) failed: " + m.outcome().display();
                        return;
                    }
                    List<Integer> v = Call.readyIn(m.data()); // "queue 3 backlog 16": the two numbers
                    samples.add(new Sample(System.nanoTime(), v.get(0), v.get(1)));
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!stop) {
                        problem = e.getMessage();
                    }
                    return;
                }
            }
        });
    }

    /** No readings (observation off): {@link #stop} returns an empty series at once. */
    static AcceptQueue off() {
        return new AcceptQueue();
    }

    private AcceptQueue() {
        this.t0 = System.nanoTime();
        this.stop = true;
        this.problem = "observation off";
        this.driver = Thread.ofPlatform().unstarted(() -> { });
    }

    /** Starts reading {@code listener}'s queue from a new thread of the server process; {@code t0} is the run's start. */
    static AcceptQueue start(World world, Calls calls, int listener, long t0) throws LabException {
        return new AcceptQueue(calls, world.actor("accept-queue", Model.PROCESS), listener, t0);
    }

    /** Stops the readings (after the one in flight) and returns them. */
    Series stop() {
        stop = true;
        try {
            if (driver.isAlive()) {
                driver.join(Calls.CALL_TIMEOUT_SECONDS * 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (samples) {
            return new Series(List.copyOf(samples), problem, t0);
        }
    }
}
