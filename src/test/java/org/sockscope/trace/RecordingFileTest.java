package org.sockscope.trace;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording of real calls on 127.0.0.1 comes back from its file exactly (header and every event,
 * so every Snapshot), and a bad file is refused with one message naming the file and what is wrong.
 */
class RecordingFileTest {
    private static Recording recorded;
    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws Exception {
        Trace t = SomeCalls.record().trace();
        recorded = new Recording(RecordingHeader.scenario(t, 16_666_666, "assets/scenarios/03_recv_empty_vs_100.yaml", java.util.List.of(3L, 9L),
                new RecordedReveal(java.util.List.of("B"), java.util.List.of(), java.util.List.of("Step 1 · app · recv(…): returned 100"))), t);
    }

    @Test
    void aRecordingComesBackExactly() throws Exception {
        Path file = dir.resolve("run" + RecordingFile.EXTENSION);
        RecordingFile.write(recorded, file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0x1f, bytes[0] & 0xff, "gzip magic");
        assertEquals(0x8b, bytes[1] & 0xff, "gzip magic");
        Recording back = RecordingFile.read(file);
        assertEquals(recorded.header(), back.header());
        assertEquals(recorded.trace().events(), back.trace().events());
        for (long i = -1; i < back.trace().size(); i++) {
            assertEquals(recorded.trace().snapshotAt(i), back.trace().snapshotAt(i), "the world after event " + i);
        }
        RecordingHeader h = back.header();
        assertTrue(h.kernel().startsWith("Linux "), h.kernel());
        assertEquals(Runtime.getRuntime().availableProcessors(), h.cpus());
        assertEquals(16_666_666, h.samplerPeriodNanos());
        assertTrue(h.scenarioText().contains("steps:"), "the scenario file itself");
        assertEquals(RecordingHeader.thisVersion(), h.sockscopeVersion());
        assertTrue(!h.sockscopeVersion().equals("unknown"), "the build names its version");
        assertTrue(back.scenario());
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String refused(Path file) {
        IOException e = assertThrows(IOException.class, () -> RecordingFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private String json() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordingFile.write(recorded, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badFilesAreRefusedNamingTheFileAndWhatIsWrong() throws Exception {
        assertTrue(refused(dir.resolve("absent.sockscope")).endsWith("no such file"));

        Path text = dir.resolve("notes.sockscope");
        Files.writeString(text, "hello");
        assertTrue(refused(text).contains("not gzip-compressed"));

        Path whole = dir.resolve("whole.sockscope");
        RecordingFile.write(recorded, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.sockscope");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(refused(cut).contains("cut short"));

        assertTrue(refused(gzip("broken.sockscope", json().substring(0, 200))).contains("JSON is broken at line 1"));
        assertTrue(refused(gzip("trace.sockscope", TraceJson.toJson(recorded.trace())))
                .contains("its \"format\" is \"sockscope-trace\", not \"sockscope-recording\""));

        String newer = json().replaceFirst("\"version\":1,", "\"version\":7,");
        String m = refused(gzip("newer.sockscope", newer));
        assertTrue(m.contains("recording version 7 is not supported") && m.contains("reads version 1")
                && m.contains("saved by SockScope " + RecordingHeader.thisVersion()), m);

        String oddEvent = json().replaceFirst("\"type\":\"actor\"", "\"type\":\"teleported\"");
        m = refused(gzip("odd.sockscope", oddEvent));
        int firstActor = recorded.trace().events().indexOf(recorded.trace().events().stream()
                .filter(e -> e instanceof Event.ActorChanged).findFirst().orElseThrow());
        assertTrue(m.contains("at trace.events[" + firstActor + "]") && m.contains("teleported"), m);

        String noCall = json().replaceFirst("\"type\":\"returned\",(\"seq\":\\d+,\"nanos\":\\d+,\"actor\":\"\\w+\",\"callId\":\\d+,)\"call\":\\{[^}]*\\}",
                "\"type\":\"returned\",$1\"call\":null");
        m = refused(gzip("nocall.sockscope", noCall));
        assertTrue(m.contains("(CallReturned) has no call"), m);

        assertTrue(refused(gzip("empty.sockscope", "{\"format\":\"sockscope-recording\",\"version\":1}"))
                .endsWith("the recording has no \"header\""));
    }
}
