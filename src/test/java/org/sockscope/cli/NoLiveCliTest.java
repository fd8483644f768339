package org.sockscope.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line where live mode is not available: {@code run} prints one line on stderr and
 * exits 2, {@code list} still works. Each case is a real {@code java} process started through the
 * jar's entry point, so the exit status, stderr and the absence of a stack trace are what a user sees.
 */
class NoLiveCliTest {
    private record Result(int status, String out, String err) {
    }

    private static Result launch(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return java(jvmOptions, "org.sockscope.Launcher", args);
    }

    private static Result java(List<String> jvmOptions, String mainClass, String... args) throws IOException, InterruptedException {
        return java(true, jvmOptions, mainClass, args);
    }

    /** The launcher in an environment without DISPLAY and WAYLAND_DISPLAY. */
    private static Result launchWithoutDisplay(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return java(false, jvmOptions, "org.sockscope.Launcher", args);
    }

    private static Result java(boolean display, List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (!display) {
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
        }
        Process p = pb.start();
        p.getOutputStream().close();
        // Both streams are small (a line or a list); read them after the exit, bounded by the wait.
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the command line ended");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void runWithLiveModeOffSaysSoInOneLineAndExits2() throws Exception {
        Result r = launch(List.of("--enable-native-access=ALL-UNNAMED", "-Dsockscope.live=off"), "run", "01_pipe_ipc");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out(), "no transcript");
        assertEquals(List.of("sockscope run: Live mode is switched off (-Dsockscope.live=off): no sockets are opened."
                + " Start without that option to run real sockets."), r.err().lines().toList());
    }

    @Test
    void runWithoutNativeAccessSaysWhichOptionIsMissing() throws Exception {
        Result r = launch(List.of(), "run", "01_pipe_ipc");
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
        assertTrue(lines.getFirst().startsWith("sockscope run: ")
                && lines.getFirst().contains("java --enable-native-access=ALL-UNNAMED -jar"), r.err());
    }

    @Test
    void theCheckRemembersHowTheJvmStartedAfterARestrictedCallSwitchedNativeAccessOn() throws Exception {
        // The JDK's default answers the first restricted call from the class path with a warning and
        // then enables native access: JavaFX does that when it loads its libraries, before the window.
        Result r = java(List.of(), "org.sockscope.posix.NativeAccessAtStart");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("before: ") && lines.get(0).contains("--enable-native-access=ALL-UNNAMED"), r.out());
        assertEquals("module now: true", lines.get(1), "the JDK switched native access on after its warning");
        assertEquals(lines.get(0).replace("before: ", "after: "), lines.get(2));
    }

    @Test
    void replayNeedsNoLiveModeAndABadRecordingIsOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("cut.sockscope");
        java.nio.file.Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        Result r = launch(List.of("--enable-native-access=ALL-UNNAMED", "-Dsockscope.live=off"), "--replay", bad.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("sockscope: " + bad + ": the file is cut short: the compressed data ends early (it was not saved"
                + " or copied completely)"), r.err().lines().toList(), "one line naming the file, no stack trace");

        // A good recording (made here on real sockets) passes with live mode off: what stops it is only the display.
        Path good = dir.resolve("good.sockscope");
        RecordCliTest.record("01_pipe_ipc", good);
        Result r2 = launchWithoutDisplay(List.of("-Dsockscope.live=off"), "--replay", good.toString());
        assertEquals(2, r2.status(), r2.err());
        assertEquals(1, r2.err().lines().count(), r2.err());
        assertTrue(r2.err().startsWith("sockscope: no display for the window"), r2.err());
    }

    @Test
    void listNeedsNoLiveMode() throws Exception {
        Result r = launch(List.of("-Dsockscope.live=off"), "list");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("01_pipe_ipc ")), r.out());
    }

    @Test
    void noArgumentsAndNoDisplaySaysSoInOneLineAndExits2() throws Exception {
        Result r = launchWithoutDisplay(List.of("--enable-native-access=ALL-UNNAMED"));
        String err = r.err();
        assertEquals(2, r.status(), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertTrue(err.startsWith("sockscope: no display for the window") && err.contains("sockscope run NAME"), err);
    }
}
