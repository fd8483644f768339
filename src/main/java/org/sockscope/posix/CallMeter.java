package org.sockscope.posix;

/**
 * What the kernel counted for the calling thread during the system calls it made since the last
 * {@link #reset()}: each blocking-capable call in {@link Libc} is made by the native call meter
 * ({@code src/main/c/sockscope_meter.c}), which reads the thread's counters right before and right
 * after the call in the same native frame, so nothing the JVM does between calls is counted.
 * One per thread ({@link #current()}); read and reset only on that thread.
 */
public final class CallMeter {
    private long calls;
    private long syscallNanos;
    private long cpuNanos;
    private long voluntarySwitches;
    private long involuntarySwitches;

    CallMeter() {
    }

    /** The calling thread's meter. */
    public static CallMeter current() {
        return Native.scratch().meter;
    }

    /** True when the native call meter is loaded (it is built into the jar on Linux). */
    public static boolean available() {
        return Native.meterAvailable();
    }

    /** Why the call meter could not be loaded, or empty when it is. */
    public static String unavailableReason() {
        return Native.meterProblem();
    }

    /** Starts counting afresh. */
    public void reset() {
        calls = 0;
        syscallNanos = 0;
        cpuNanos = 0;
        voluntarySwitches = 0;
        involuntarySwitches = 0;
    }

    void add(long wallNanos, long cpu, long voluntary, long involuntary) {
        calls++;
        syscallNanos += wallNanos;
        cpuNanos += cpu;
        voluntarySwitches += voluntary;
        involuntarySwitches += involuntary;
    }

    /** Metered system calls since the reset. */
    public long calls() {
        return calls;
    }

    /** Time inside those calls (CLOCK_MONOTONIC right before and after each). */
    public long syscallNanos() {
        return syscallNanos;
    }

    /** CPU time the thread used inside them (CLOCK_THREAD_CPUTIME_ID). */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** Voluntary context switches inside them ({@code getrusage(RUSAGE_THREAD).ru_nvcsw}): the kernel put the thread to sleep. */
    public long voluntarySwitches() {
        return voluntarySwitches;
    }

    /** Involuntary context switches inside them ({@code ru_nivcsw}): the thread was preempted. */
    public long involuntarySwitches() {
        return involuntarySwitches;
    }
}
