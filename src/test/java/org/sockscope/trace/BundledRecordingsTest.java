package org.sockscope.trace;

import org.junit.jupiter.api.Test;
import org.sockscope.scenario.ScenarioLoader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every bundled scenario (as index.txt lists them) ships with a recording of itself, made from the
 * scenario file as it is now and holding its steps' reports: else the lecture does not work where
 * live mode is not. Fast: it reads the recordings, runs nothing.
 */
class BundledRecordingsTest {
    @Test
    void everyBundledScenarioHasACurrentRecording() throws IOException {
        List<String> bundled = ScenarioLoader.bundled();
        assertFalse(bundled.isEmpty(), "index.txt lists the bundled scenarios");
        List<String> wrong = new ArrayList<>();
        for (String file : bundled) {
            Optional<Recording> r = BundledRecordings.of(file);
            String source = "assets/scenarios/" + file;
            if (r.isEmpty()) {
                wrong.add(file + ": no " + BundledRecordings.DIR + BundledRecordings.fileName(file));
            } else if (!r.get().header().scenarioText().equals(RecordingHeader.textOf(source))) {
                wrong.add(file + ": its recording was made from another version of the file");
            } else if (!r.get().header().steps().recorded() || !source.equals(r.get().header().scenario())) {
                wrong.add(file + ": its recording holds no step reports, or names another scenario");
            }
        }
        assertEquals(List.of(), wrong, "regenerate the bundled recordings on Linux: " + BundledRecordings.REGENERATE
                + " (or record-bundled " + BundledRecordings.DIR + " NAME… for the ones listed)");
    }
}
