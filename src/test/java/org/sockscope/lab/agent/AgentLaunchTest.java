package org.sockscope.lab.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's class-data archive: only for a class path of jars, one per class path, in the cache folder. */
class AgentLaunchTest {

    @Test
    void aClassPathOfJarsGetsAnArchiveInTheCacheFolder(@TempDir Path dir) throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Path b = Files.createFile(dir.resolve("b.jar"));
        Path cache = dir.resolve("cache");
        List<String> flags = AgentLaunch.classDataArchive(a + File.pathSeparator + b, cache);
        assertTrue(flags.contains("-XX:+AutoCreateSharedArchive"), flags.toString());
        String file = flags.stream().filter(f -> f.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
        assertTrue(Path.of(file.substring(file.indexOf('=') + 1)).startsWith(cache), file);
        assertTrue(Files.isDirectory(cache), "the cache folder is made");
        assertEquals(flags, AgentLaunch.classDataArchive(a + File.pathSeparator + b, cache), "the same archive next time");
        assertNotEquals(flags, AgentLaunch.classDataArchive(a.toString(), cache), "another class path, another archive");
    }

    @Test
    void aDirectoryOnTheClassPathGetsNone(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("a.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(List.of(), AgentLaunch.classDataArchive(classes + File.pathSeparator + jar, dir.resolve("cache")));
        assertEquals(List.of(), AgentLaunch.classDataArchive(dir.resolve("missing.jar").toString(), dir.resolve("cache")));
    }
}
