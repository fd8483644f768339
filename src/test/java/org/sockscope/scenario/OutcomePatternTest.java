package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockscope.posix.Errno;

/** Outcome patterns: parsing, printing back, and matching real outcomes. */
class OutcomePatternTest {

    static OutcomePattern p(String text) throws InlineError {
        return OutcomePatternParser.parse(text);
    }

    static final StepOutcome COPIED_100 = StepOutcome.returned(100, 200, false);
    static final StepOutcome SLEPT_THEN_200 = StepOutcome.returned(200, 200, true);
    static final StepOutcome ASLEEP = StepOutcome.pending(200);
    static final StepOutcome EAGAIN = StepOutcome.failed(Errno.EAGAIN, 200, false);
    static final StepOutcome EOF = StepOutcome.returned(0, 200, false);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            blocks                        | false | true  | true  | false | false
            not blocks                    | true  | false | false | true  | true
            returns 100                   | true  | false | false | false | false
            returns partial               | true  | false | false | false | false
            returns all                   | false | true  | false | false | false
            returns >0                    | true  | true  | false | false | false
            returns <200                  | true  | false | false | false | true
            returns -1                    | false | false | false | true  | false
            returns 0                     | false | false | false | false | true
            copies 100                    | true  | false | false | false | false
            copies all                    | false | false | false | false | false
            copies 0                      | false | false | false | false | true
            fails EAGAIN                  | false | false | false | true  | false
            fails EWOULDBLOCK             | false | false | false | true  | false
            fails EPIPE                   | false | false | false | false | false
            blocks and returns all        | false | true  | false | false | false
            blocks and not returns partial| false | true  | true  | false | false
            blocks at_least_ms 100        | false | false | false | false | false
            """)
    void matches(String text, boolean copied100, boolean slept200, boolean asleep, boolean eagain, boolean eof) throws InlineError {
        OutcomePattern pattern = p(text);
        assertEquals(copied100, pattern.matches(COPIED_100), "copied 100");
        assertEquals(slept200, pattern.matches(SLEPT_THEN_200), "slept, returned 200");
        assertEquals(asleep, pattern.matches(ASLEEP), "still asleep");
        assertEquals(eagain, pattern.matches(EAGAIN), "-1 EAGAIN");
        assertEquals(eof, pattern.matches(EOF), "returned 0");
    }

    @Test
    void printsBackWhatItParsed() throws InlineError {
        for (String t : new String[] {"blocks", "busy", "returns 100", "returns partial", "returns >0", "returns <=5",
            "copies all", "fails EAGAIN", "not blocks", "returns >=0 and not busy and not blocks", "blocks at_least_ms 100",
            "blocks at_most_ms 400", "blocks at_least_ms 100 at_most_ms 400", "not blocks at_most_ms 5 and returns all"}) {
            assertEquals(t, p(t).toString());
        }
        assertEquals("returns >0", p("returns > 0").toString());
        assertEquals("blocks", p("block").toString());
    }

    @Test
    void busyNeedsCpuOverMostOfAMillisecondOrMore() throws InlineError {
        OutcomePattern busy = p("busy");
        StepOutcome spun = StepOutcome.failed(Errno.EAGAIN, 100, false).measured(400_000, 480_000_000, 500_000_000);
        StepOutcome slept = StepOutcome.returned(100, 100, true).measured(1, 40_000, 500_000_000);
        StepOutcome brief = StepOutcome.returned(100, 100, false).measured(1, 900, 1_000);
        assertTrue(busy.matches(spun));
        assertFalse(busy.matches(slept));
        assertFalse(busy.matches(brief), "too short to tell");
    }

    @Test
    void aTimingBandJudgesTheCallsOwnWallTimeAndOnlyAReturnedCall() throws InlineError {
        OutcomePattern band = p("blocks at_least_ms 100 at_most_ms 400");
        assertTrue(band.matches(StepOutcome.returned(100, 200, true).measured(1, 10_000, 150_000_000)));
        assertFalse(band.matches(StepOutcome.returned(100, 200, true).measured(1, 10_000, 50_000_000)), "too short");
        assertFalse(band.matches(StepOutcome.returned(100, 200, true).measured(1, 10_000, 400_000_001)), "too long");
        assertFalse(band.matches(StepOutcome.returned(100, 200, false).measured(1, 150_000_000, 150_000_000)),
                "took the time but never slept: not a block");
        assertEquals(null, band.settled(StepOutcome.pending(200).measured(1, 0, 500_000_000)),
                "a call still asleep has no wall time of its own yet");
        assertEquals(Boolean.FALSE, band.settled(StepOutcome.returned(100, 200, true).measured(1, 10_000, 50_000_000)));
    }

    @Test
    void aTimingBandFailureSaysExpectedVsActualAndWhereTheActualCameFrom() throws InlineError {
        OutcomePattern band = p("blocks at_least_ms 100 at_most_ms 400");
        assertEquals("blocks at_least_ms 100 at_most_ms 400: expected to block for 100..400 ms, actual: blocked for 50.0 ms"
                + " (the call's own wall-clock measurement: CLOCK_MONOTONIC on its thread around the call)",
                band.failure(StepOutcome.returned(100, 200, true).measured(1, 10_000, 50_000_000)));
        assertTrue(band.failure(StepOutcome.returned(100, 200, false).measured(1, 10_000, 200_000))
                .contains("actual: did not block, 0.2 ms"));
        assertEquals("returns 100", p("returns 100").failure(EOF), "other patterns say themselves, as before");
    }

    @Test
    void needsLength() throws InlineError {
        assertTrue(p("returns partial").needsLength());
        assertTrue(p("not copies all").needsLength());
        assertFalse(p("returns 0").needsLength());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | 0  | empty outcome pattern
            sleeps              | 0  | unknown outcome 'sleeps'
            returns             | 7  | needs an amount
            returns lots        | 8  | 'lots' is not an amount
            returns >x          | 9  | 'x' is not an amount
            fails               | 5  | 'fails' needs an errno name
            fails EAGIAN        | 6  | unknown errno 'EAGIAN'
            blocks or busy      | 7  | unexpected 'or'
            not                 | 3  | pattern ends too early
            blocks at_least_ms  | 18 | 'at_least_ms' needs a number of milliseconds
            blocks at_most_ms x | 18 | 'x' is not a number of milliseconds
            blocks at_least_ms 500 at_most_ms 400 | 7 | at_least_ms (500) is more than at_most_ms (400)
            blocks at_most_ms 1 at_most_ms 2 | 20 | 'at_most_ms' is given twice
            """)
    void refuses(String text, int offset, String message) {
        InlineError e = assertThrows(InlineError.class, () -> p(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(offset, e.offset);
    }
}
