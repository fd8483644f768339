package org.sockscope.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement about a step's outcome: {@code blocks}, {@code returns 100}, {@code returns partial},
 * {@code fails EAGAIN}, {@code copies 100}, {@code busy}, {@code not …}, {@code … and …}.
 * Used for step expectations, question rules and repeat conditions; written and parsed as text
 * ({@link OutcomePatternParser}), and {@link #toString()} gives that text back.
 */
public sealed interface OutcomePattern {

    /** True when the outcome satisfies the pattern. */
    boolean matches(StepOutcome o);

    /**
     * Whether the outcome satisfies the pattern as far as it has settled: TRUE or FALSE once the
     * kernel has said, null while the answer still depends on how a running call ends. Everything
     * that decides (expectations, clicker answers) reads this, never {@link #matches} of a running call.
     */
    default Boolean settled(StepOutcome o) {
        return o.finished() ? matches(o) : null;
    }

    /** True when the pattern needs the call's length ({@code partial}, {@code all}). */
    default boolean needsLength() {
        return false;
    }

    /**
     * What to say when {@code o} does not meet this pattern: the pattern itself, and where a figure
     * decided it (a timing band), the expected and the actual figure with where the actual came from.
     */
    default String failure(StepOutcome o) {
        return toString();
    }

    /** The kernel figures ({@link Figure#key}) the pattern reads, which the runner reads when the step settles. */
    default List<String> figures() {
        return List.of();
    }

    /** True when the pattern is, or contains, a pattern of {@code kind} (the screen shows {@link Busy#RULE} where it does). */
    default boolean uses(Class<? extends OutcomePattern> kind) {
        return kind.isInstance(this);
    }

    /** The kernel put the thread to sleep in the call (it may have returned since). */
    record Blocks() implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.blocked();
        }

        /** Settled once the kernel said the thread sleeps in the call, or once it returned. */
        public Boolean settled(StepOutcome o) {
            return o.blocked() ? Boolean.TRUE : o.finished() ? Boolean.FALSE : null;
        }

        @Override
        public String toString() {
            return "blocks";
        }
    }

    /**
     * A timing band: the kernel put the thread to sleep in the call, and the call's own wall time
     * (CLOCK_MONOTONIC on its thread around the call; for a repeat, around the loop) was at least
     * {@code atLeastMs} and at most {@code atMostMs}. {@link #NONE} leaves a side open. Judged once
     * the call has returned: only then is the figure the call's own measurement.
     */
    record BlocksFor(long atLeastMs, long atMostMs) implements OutcomePattern {
        /** No bound on this side. */
        public static final long NONE = -1;

        public boolean matches(StepOutcome o) {
            long wall = o.wallNanos();
            return o.finished() && o.blocked() && wall > 0 && (atLeastMs == NONE || wall >= atLeastMs * 1_000_000)
                    && (atMostMs == NONE || wall <= atMostMs * 1_000_000);
        }

        /** {@code expected to block for 100..400 ms, actual: blocked for 50.0 ms (the call's own …)}. */
        public String failure(StepOutcome o) {
            String actual = !o.finished() ? "has not returned yet"
                    : o.wallNanos() <= 0 ? (o.blocked() ? "blocked" : "did not block") + ", wall time not measured"
                    : o.blocked() ? "blocked for " + StepOutcome.millis(o.wallNanos())
                    : "did not block, " + StepOutcome.millis(o.wallNanos()) + " wall";
            return this + ": expected to block for " + band() + ", actual: " + actual
                    + " (the call's own wall-clock measurement: CLOCK_MONOTONIC on its thread around the call)";
        }

        private String band() {
            return atMostMs == NONE ? "at least " + atLeastMs + " ms"
                    : atLeastMs == NONE ? "at most " + atMostMs + " ms" : atLeastMs + ".." + atMostMs + " ms";
        }

        @Override
        public String toString() {
            return "blocks" + (atLeastMs == NONE ? "" : " at_least_ms " + atLeastMs) + (atMostMs == NONE ? "" : " at_most_ms " + atMostMs);
        }
    }

    /** The call returned an amount; a failed call (-1) only matches {@code returns -1}. */
    record Returns(Amount amount) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            if (!o.finished()) {
                return false;
            }
            // "returns <200" must not be satisfied by a failure: -1 is an error, not an amount.
            return o.failed() ? amount.op() == Amount.Op.EQ && amount.value() == -1 : amount.test(o.ret(), o.requested());
        }

        public boolean needsLength() {
            return amount.needsLength();
        }

        @Override
        public String toString() {
            return "returns " + amount;
        }
    }

    /**
     * The bytes the step's calls moved in all: a loop's sum of what each call returned (each a
     * return value), one call's return. Only for calls that move bytes; judged once it has returned.
     */
    record Total(Amount amount) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.finished() && o.total() >= 0 && amount.test(o.total(), o.requested());
        }

        public String failure(StepOutcome o) {
            String actual = !o.finished() ? "has not returned yet" : o.total() < 0 ? "the call moves no bytes"
                    : String.format("%,d bytes", o.total());
            return this + ": expected " + amount + " bytes in all, actual: " + actual
                    + " (the sum of the return values of the step's calls)";
        }

        @Override
        public String toString() {
            return "total " + amount;
        }
    }

    /**
     * A kernel figure of a descriptor when the step settled (returned, or reported asleep):
     * {@code recv_queue} (SIOCINQ), {@code send_queue} (SIOCOUTQ) of a socket, {@code pipe_queued}
     * (FIONREAD) of a pipe end, as SockScope's probe read them right after the call.
     */
    record Figure(String figure, String name, Amount amount) implements OutcomePattern {
        /** The figures a step may expect, with where each comes from. */
        static final java.util.Map<String, String> SOURCES = java.util.Map.of(
                "recv_queue", "SIOCINQ", "send_queue", "SIOCOUTQ", "pipe_queued", "FIONREAD", "dropped", "SO_MEMINFO drops");

        /** The key of this figure in {@link StepOutcome#figures()}: {@code recv_queue conn.server}. */
        public String key() {
            return figure + " " + name;
        }

        public List<String> figures() {
            return List.of(key());
        }

        public boolean matches(StepOutcome o) {
            Long v = o.figures().get(key());
            return v != null && v >= 0 && amount.test(v, 0);
        }

        /** Decided once the figure was read (when the step settled). */
        public Boolean settled(StepOutcome o) {
            return o.figures().containsKey(key()) ? matches(o) : o.finished() ? Boolean.FALSE : null;
        }

        public String failure(StepOutcome o) {
            Long v = o.figures().get(key());
            String actual = v == null ? "not read: " + name + " held no open descriptor when the step settled"
                    : v < 0 ? org.sockscope.kernel.Figure.text(v) : String.format(figure.equals("dropped") ? "%,d dropped" : "%,d bytes", v);
            return this + ": expected " + amount + ", actual: " + actual + " (" + SOURCES.get(figure) + " on " + name
                    + ", read by SockScope's probe when the step settled)";
        }

        @Override
        public String toString() {
            return figure + " " + name + " " + amount;
        }
    }

    /**
     * {@code select()}'s ready set is exactly {@code ready} among the descriptors it watched
     * ({@code watched}), as the call returned it: judged once it has returned.
     */
    record Ready(List<String> ready, List<String> watched) implements OutcomePattern {
        public Ready {
            ready = List.copyOf(ready);
            watched = List.copyOf(watched);
        }

        public List<String> figures() {
            return watched.stream().map(Ready::key).toList();
        }

        /** 1 when select() returned {@code name} ready, 0 when it watched it and did not. */
        static String key(String name) {
            return "ready " + name;
        }

        public boolean matches(StepOutcome o) {
            return o.finished() && watched.stream().allMatch(n -> Long.valueOf(ready.contains(n) ? 1 : 0).equals(o.figures().get(key(n))));
        }

        public String failure(StepOutcome o) {
            List<String> actual = watched.stream().filter(n -> Long.valueOf(1).equals(o.figures().get(key(n)))).toList();
            return this + ": expected ready " + ready + ", actual: " + (o.finished() ? "ready " + actual
                    : "has not returned yet") + " (the sets select() returned)";
        }

        @Override
        public String toString() {
            return "ready " + ready;
        }
    }

    /** How many system calls the step made (a loop's count; 1 for one call); judged once it has returned. */
    record Calls(Amount amount) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.finished() && amount.test(o.calls(), 0);
        }

        public String failure(StepOutcome o) {
            return this + ": expected " + amount + " calls, actual: " + (o.finished() ? String.format("%,d", o.calls())
                    : "still running") + " (counted by the loop, one per system call)";
        }

        @Override
        public String toString() {
            return "calls " + amount;
        }
    }

    /** Why the step's loop ended: {@code stopped EAGAIN}, {@code stopped condition}, …; one call "returned". */
    record Stopped(org.sockscope.trace.CallOutcome.Stop stop) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.finished() && o.stop() == stop;
        }

        public String failure(StepOutcome o) {
            return this + ": actual: " + (o.finished() ? "stopped " + word(o.stop()) : "still running");
        }

        /** The word scenarios write for {@code s}: {@code EAGAIN}, {@code condition}, {@code end_of_stream}. */
        static String word(org.sockscope.trace.CallOutcome.Stop s) {
            return s == org.sockscope.trace.CallOutcome.Stop.EAGAIN ? "EAGAIN" : s.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return "stopped " + word(stop);
        }
    }

    /** The call returned an amount at once, without sleeping: the kernel copied that much. */
    record Copies(Amount amount) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.finished() && !o.blocked() && o.ret() >= 0 && amount.test(o.ret(), o.requested());
        }

        /** A call the kernel put to sleep can no longer copy "at once". */
        public Boolean settled(StepOutcome o) {
            return o.finished() ? matches(o) : o.blocked() ? Boolean.FALSE : null;
        }

        public boolean needsLength() {
            return amount.needsLength();
        }

        @Override
        public String toString() {
            return "copies " + amount;
        }
    }

    /** The call returned -1 with this errno (EWOULDBLOCK is EAGAIN on Linux). */
    record Fails(String errnoName, int errno) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.failed() && o.errno() == errno;
        }

        @Override
        public String toString() {
            return "fails " + errnoName;
        }
    }

    /**
     * SockScope's rule for "busy" (a threshold SockScope chooses, not a kernel verdict): over at
     * least a millisecond, the time the thread ran plus the time it was runnable but waiting for a
     * CPU (its CPU clock and schedstat's run-queue wait, measured on the thread itself) was at least
     * half the wall time. A thread asleep in the kernel adds to neither; a polling loop fills nearly all of it, even on a
     * machine whose other cores are busy. {@link #RULE} says it in words for the screen.
     */
    record Busy() implements OutcomePattern {
        /** The rule as the screen and the transcript state it. */
        public static final String RULE = "SockScope's rule: busy = on a CPU + waiting for one ≥ 50 % of the wall time (over ≥ 1 ms)";

        public boolean matches(StepOutcome o) {
            return o.wallNanos() >= 1_000_000 && o.cpuNanos() >= 0 && o.waitNanos() >= 0
                    && (o.cpuNanos() + o.waitNanos()) * 2 >= o.wallNanos();
        }

        /**
         * A loop still running is judged over the window that has passed, once it is at least
         * {@link #WINDOW_NANOS} long (SockScope's rule too): that window's figures are settled.
         */
        public Boolean settled(StepOutcome o) {
            if (o.finished()) {
                return matches(o);
            }
            return o.wallNanos() >= WINDOW_NANOS && o.cpuNanos() >= 0 && o.waitNanos() >= 0 ? matches(o) : null;
        }

        /** The shortest window a running loop is judged over. */
        public static final long WINDOW_NANOS = 100_000_000;

        /**
         * The verdict on {@code o} with the figures it judged: {@code busy by SockScope's rule: on a
         * CPU 97.1 ms + waiting for one 1.2 ms = 98 % of 100.4 ms wall (≥ 50 %)}. The app's evidence
         * and the transcript both say it so.
         */
        public static String explain(StepOutcome o) {
            Boolean busy = new Busy().settled(o);
            String head = (busy == null ? "not judged yet" : busy ? "busy" : "not busy") + " by SockScope's rule: ";
            if (o.cpuNanos() < 0 || o.waitNanos() < 0) {
                return head + "on a CPU and waiting for one unknown (the thread's CPU clock or schedstat could not be"
                        + " read) over " + StepOutcome.millis(o.wallNanos()) + " wall";
            }
            String figures = "on a CPU " + StepOutcome.millis(o.cpuNanos()) + " + waiting for one " + StepOutcome.millis(o.waitNanos());
            if (o.wallNanos() < 1_000_000) {
                return head + figures + " over " + StepOutcome.millis(o.wallNanos()) + " wall, under the 1 ms the rule needs";
            }
            long share = (o.cpuNanos() + o.waitNanos()) * 100 / o.wallNanos();
            return head + figures + " = " + share + " % of " + StepOutcome.millis(o.wallNanos()) + " wall ("
                    + ((o.cpuNanos() + o.waitNanos()) * 2 >= o.wallNanos() ? "≥" : "<") + " 50 %)";
        }

        @Override
        public String toString() {
            return "busy";
        }
    }

    /** The inner pattern does not match. */
    record Not(OutcomePattern inner) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return !inner.matches(o);
        }

        public Boolean settled(StepOutcome o) {
            Boolean b = inner.settled(o);
            return b == null ? null : !b;
        }

        public boolean uses(Class<? extends OutcomePattern> kind) {
            return kind.isInstance(this) || inner.uses(kind);
        }

        public List<String> figures() {
            return inner.figures();
        }

        public boolean needsLength() {
            return inner.needsLength();
        }

        @Override
        public String toString() {
            return "not " + inner;
        }
    }

    /** Every part matches. */
    record All(List<OutcomePattern> parts) implements OutcomePattern {
        public All {
            parts = List.copyOf(parts);
        }

        public boolean matches(StepOutcome o) {
            return parts.stream().allMatch(p -> p.matches(o));
        }

        public Boolean settled(StepOutcome o) {
            boolean unknown = false;
            for (OutcomePattern p : parts) {
                Boolean b = p.settled(o);
                if (Boolean.FALSE.equals(b)) {
                    return false;
                }
                unknown |= b == null;
            }
            return unknown ? null : Boolean.TRUE;
        }

        public List<String> figures() {
            return parts.stream().flatMap(p -> p.figures().stream()).toList();
        }

        public boolean needsLength() {
            return parts.stream().anyMatch(OutcomePattern::needsLength);
        }

        public boolean uses(Class<? extends OutcomePattern> kind) {
            return kind.isInstance(this) || parts.stream().anyMatch(p -> p.uses(kind));
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(" and "));
        }
    }

    /**
     * An amount a call returned: a comparison with a number, {@code partial} (more than 0, less
     * than asked) or {@code all} (exactly what was asked).
     */
    record Amount(Op op, long value) {
        /** How the return value is compared. */
        public enum Op { EQ, GT, GE, LT, LE, PARTIAL, ALL }

        /** True when {@code ret} is this amount for a call that asked for {@code requested}. */
        public boolean test(long ret, long requested) {
            return switch (op) {
                case EQ -> ret == value;
                case GT -> ret > value;
                case GE -> ret >= value;
                case LT -> ret < value;
                case LE -> ret <= value;
                case PARTIAL -> ret > 0 && ret < requested;
                case ALL -> ret == requested;
            };
        }

        boolean needsLength() {
            return op == Op.PARTIAL || op == Op.ALL;
        }

        @Override
        public String toString() {
            return switch (op) {
                case EQ -> Long.toString(value);
                case GT -> ">" + value;
                case GE -> ">=" + value;
                case LT -> "<" + value;
                case LE -> "<=" + value;
                case PARTIAL -> "partial";
                case ALL -> "all";
            };
        }
    }
}
