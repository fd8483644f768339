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

    /** True when the pattern needs the call's length ({@code partial}, {@code all}). */
    default boolean needsLength() {
        return false;
    }

    /** The kernel put the thread to sleep in the call (it may have returned since). */
    record Blocks() implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.blocked();
        }

        @Override
        public String toString() {
            return "blocks";
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

    /** The call returned an amount at once, without sleeping: the kernel copied that much. */
    record Copies(Amount amount) implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.finished() && !o.blocked() && o.ret() >= 0 && amount.test(o.ret(), o.requested());
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
     * The thread kept wanting a CPU: over at least a millisecond, the time it ran plus the time it
     * was runnable but waiting for a CPU (schedstat) was at least half the wall time. A thread
     * asleep in the kernel adds to neither; a polling loop fills nearly all of it, even on a
     * machine whose other cores are busy.
     */
    record Busy() implements OutcomePattern {
        public boolean matches(StepOutcome o) {
            return o.wallNanos() >= 1_000_000 && (o.cpuNanos() + o.waitNanos()) * 2 >= o.wallNanos();
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

        public boolean needsLength() {
            return parts.stream().anyMatch(OutcomePattern::needsLength);
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
