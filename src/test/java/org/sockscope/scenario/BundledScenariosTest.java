package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled scenario loads, from the class path and from disk, and the index lists them all. */
class BundledScenariosTest {

    static List<String> bundled() {
        return ScenarioLoader.bundled();
    }

    @Test
    void indexListsEveryFileOnDisk() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("assets/scenarios"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertEquals(onDisk, bundled().stream().sorted().toList());
        assertTrue(bundled().size() >= 12, "ten lecture scenarios, send() in three variants");
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void loadsFromClassPath(String name) throws ScenarioException {
        Scenario s = ScenarioLoader.loadBundled(name);
        assertEquals(ScenarioLoader.idOf(name), s.id());
        assertFalse(s.steps().isEmpty());
        assertFalse(s.title().isBlank());
        assertFalse(s.slide().isBlank());
        for (Step step : s.steps()) {
            assertFalse(step.say().isBlank(), "every step has narration");
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void loadsFromDisk(String name) throws ScenarioException {
        Scenario s = ScenarioLoader.load(Path.of("assets/scenarios", name));
        assertEquals("assets/scenarios/" + name, s.source());
    }

    @Test
    void loadsByIdToo() throws ScenarioException {
        assertEquals("03_recv_empty_vs_100", ScenarioLoader.loadBundled("03_recv_empty_vs_100").id());
    }

    @Test
    void unknownBundledNameIsALocatedError() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadBundled("03_recv_empty_vs_10"));
        assertTrue(e.first().hint().contains("did you mean '03_recv_empty_vs_100.yaml'"), e.getMessage());
    }
}
