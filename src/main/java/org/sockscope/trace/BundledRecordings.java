package org.sockscope.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The recordings of the bundled scenarios that travel in the jar ({@code assets/recordings/NAME.sockscope},
 * one per line of {@code assets/scenarios/index.txt}), made on Linux by {@link #REGENERATE} and checked in:
 * where live mode is not available the scenario mode plays them, and on Linux a run can be compared with them.
 */
public final class BundledRecordings {
    /** Where they are in the jar and in the source tree. */
    public static final String DIR = "assets/recordings/";
    /** The command that makes them all again (after a bundled scenario changed), from the repository's top. */
    public static final String REGENERATE = "./mvnw -q -o package -DskipTests && java -jar target/sockscope.jar record-bundled " + DIR;

    private BundledRecordings() {
    }

    /** {@code 03_recv_empty_vs_100.sockscope} for the bundled scenario {@code 03_recv_empty_vs_100.yaml} (or its id). */
    public static String fileName(String scenarioFileOrId) {
        return scenarioFileOrId.replaceFirst("\\.ya?ml$", "") + RecordingFile.EXTENSION;
    }

    /** The recording of the bundled scenario {@code scenarioFileOrId}, empty when the jar has none; a damaged one throws. */
    public static Optional<Recording> of(String scenarioFileOrId) throws IOException {
        String path = "/" + DIR + fileName(scenarioFileOrId);
        try (InputStream probe = BundledRecordings.class.getResourceAsStream(path)) {
            if (probe == null) {
                return Optional.empty();
            }
        }
        return Optional.of(RecordingFile.read(DIR + fileName(scenarioFileOrId), () -> {
            InputStream in = BundledRecordings.class.getResourceAsStream(path);
            if (in == null) {
                throw new java.nio.file.NoSuchFileException(path);
            }
            return in;
        }));
    }
}
