package org.sockscope.scenario;

import java.util.Optional;

/**
 * Repetition of a step's call, for loops such as busy polling: the call runs again and again
 * until its outcome matches {@code until}, at most {@code max} times. While it repeats, the step is
 * in progress like a blocked call, and later steps of other processes run.
 *
 * @param until the pattern that ends the loop, or empty to run exactly {@code max} times
 * @param max   the most calls made
 */
public record Repeat(Optional<OutcomePattern> until, long max) {

    /** The default and largest number of calls a repeat may make. */
    public static final long MAX_CALLS = 100_000_000L;
}
