package org.sockscope.posix;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live mode's availability check: one line saying what is missing and what to do. */
class LiveSupportTest {

    @Test
    void liveModeIsAvailableWhereTheseTestsRun() {
        assertEquals(Optional.empty(), LiveSupport.unavailableReason(),
                "the tests run on Linux x86_64/aarch64 with --enable-native-access=ALL-UNNAMED");
    }

    @Test
    void aMacIsNamedAndTheLineSaysWhatIsNeeded() {
        String why = LiveSupport.reason(null, "Mac OS X", "aarch64", true).orElseThrow();
        assertEquals("Live mode needs Linux on x86_64 or aarch64; this is macOS aarch64."
                + " Recordings open here: File > Open recording…, or sockscope --replay FILE.", why);
        assertTrue(LiveSupport.reason(null, "Windows 11", "amd64", true).orElseThrow().contains("this is Windows 11 amd64"));
        assertTrue(LiveSupport.reason(null, "Linux", "riscv64", true).orElseThrow().contains("this is Linux riscv64"));
    }

    @Test
    void withoutNativeAccessTheLineGivesTheJavaOption() {
        String why = LiveSupport.reason(null, "Linux", "amd64", false).orElseThrow();
        assertTrue(why.contains("java --enable-native-access=ALL-UNNAMED -jar"), why);
        assertFalse(why.contains("\n"), "one line");
    }

    @Test
    void thePropertyForcesNoLiveModeEvenWhereItWorks() {
        String why = LiveSupport.reason("off", "Linux", "aarch64", true).orElseThrow();
        assertTrue(why.contains("-Dsockscope.live=off"), why);
        assertEquals(Optional.empty(), LiveSupport.reason("on", "Linux", "x86_64", true));
        assertEquals(Optional.empty(), LiveSupport.reason(null, "Linux", "aarch64", true));
    }

    @Test
    void aLinkFailureNamesTheCauseNotTheInitialiser() {
        String why = LiveSupport.linkFailure(new ExceptionInInitializerError(new UnsatisfiedLinkError("libc has no symbol gettid")));
        assertTrue(why.contains("UnsatisfiedLinkError: libc has no symbol gettid"), why);
        assertFalse(why.contains("ExceptionInInitializerError"), why);
        String platform = LiveSupport.linkFailure(new ExceptionInInitializerError(new UnsupportedPlatformException("FreeBSD", "amd64")));
        assertTrue(platform.startsWith("Live mode needs Linux"), platform);
    }
}
