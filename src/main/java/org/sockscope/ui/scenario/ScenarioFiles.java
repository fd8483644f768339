package org.sockscope.ui.scenario;

import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioError;
import org.sockscope.scenario.ScenarioException;
import org.sockscope.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loading scenario files (the catalogue of bundled ones, a file the user picked), off the FX thread. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * One bundled scenario as the picker lists it.
     *
     * @param file  its file name ({@code 03_recv_empty_vs_100.yaml})
     * @param id    the file name without {@code .yaml}
     * @param title its title
     * @param slide the lecture slide it belongs to
     */
    record Entry(String file, String id, String title, String slide) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** The bundled scenarios in menu order; one that fails to load is listed with its first error. */
    static List<Entry> catalogue() {
        List<Entry> out = new ArrayList<>();
        for (String file : ScenarioLoader.bundled()) {
            String id = file.replaceFirst("\\.ya?ml$", "");
            try {
                Scenario s = ScenarioLoader.loadBundled(file);
                out.add(new Entry(file, s.id(), s.title(), s.slide()));
            } catch (ScenarioException e) {
                out.add(new Entry(file, id, id + " (cannot be loaded)", e.first().toString()));
            }
        }
        return out;
    }

    /** The result of loading a file: the scenario, or every located error. */
    record Loaded(Scenario scenario, List<ScenarioError> errors) {
        Loaded {
            errors = List.copyOf(errors);
        }
    }

    /** Loads {@code path} (a file) or a bundled name; never throws. */
    static Loaded load(Path path) {
        try {
            return new Loaded(ScenarioLoader.load(path), List.of());
        } catch (ScenarioException e) {
            return new Loaded(null, e.errors());
        } catch (RuntimeException e) {
            return new Loaded(null, List.of(new ScenarioError(path.toString(), 1, 1, "cannot load: " + e, "")));
        }
    }

    /** Loads the bundled scenario {@code nameOrId}; never throws. */
    static Loaded loadBundled(String nameOrId) {
        try {
            return new Loaded(ScenarioLoader.loadBundled(nameOrId), List.of());
        } catch (ScenarioException e) {
            return new Loaded(null, e.errors());
        }
    }

    /** A path to a file if one exists, else a bundled name (the command line's {@code --scenario}). */
    static Loaded open(String pathOrName) {
        Path p = Path.of(pathOrName);
        return java.nio.file.Files.isRegularFile(p) ? load(p) : loadBundled(pathOrName);
    }
}
