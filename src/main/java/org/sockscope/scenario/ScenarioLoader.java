package org.sockscope.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads scenario files: from a path, from a reader, or bundled in the jar. A file is either
 * loaded whole and valid or rejected with a {@link ScenarioException} listing located problems;
 * nothing is half-loaded.
 */
public final class ScenarioLoader {
    /** Where bundled scenarios live on the class path. */
    public static final String BUNDLED_DIR = "/assets/scenarios/";
    /** The list of bundled scenario files, one file name per line (a jar cannot be listed reliably). */
    public static final String INDEX = BUNDLED_DIR + "index.txt";
    /** Scenario files are small; a bigger file is a mistake (or an attack on the parser). */
    static final int MAX_CHARS = 256 * 1024;

    private ScenarioLoader() {
    }

    /** Loads the file at {@code path}; errors name the path as given. */
    public static Scenario load(Path path) throws ScenarioException {
        String name = path.toString();
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_CHARS * 4L) {
                throw fail(name, 1, 1, "the file is too large for a scenario", "scenarios are at most " + MAX_CHARS + " characters");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw fail(name, 1, 1, "cannot read the file: " + e, "check the path and its permissions");
        }
        return load(name, bytes);
    }

    /** Loads a scenario from the bytes of a UTF-8 file; {@code name} is used for the id and in errors. */
    public static Scenario load(String name, byte[] bytes) throws ScenarioException {
        if (bytes.length > MAX_CHARS * 4L) {
            throw fail(name, 1, 1, "the file is too large for a scenario", "scenarios are at most " + MAX_CHARS + " characters");
        }
        return parse(name, decode(name, bytes));
    }

    /** Loads a scenario from {@code reader}; {@code name} is the file name used for the id and in errors. */
    public static Scenario load(String name, Reader reader) throws ScenarioException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = reader.read(buf)) >= 0; ) {
                text.append(buf, 0, n);
                if (text.length() > MAX_CHARS) {
                    throw fail(name, 1, 1, "the file is too large for a scenario", "scenarios are at most " + MAX_CHARS + " characters");
                }
            }
        } catch (IOException e) {
            throw fail(name, 1, 1, "cannot read the file: " + e, "check the file");
        }
        return parse(name, text.toString());
    }

    /** The bundled scenario file names, in the order of {@code index.txt} (empty when none are bundled). */
    public static List<String> bundled() {
        List<String> names = new ArrayList<>();
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return names;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    names.add(t);
                }
            }
        } catch (IOException e) {
            // A broken jar: report no bundled scenarios rather than fail the app.
            return List.of();
        }
        return names;
    }

    /** Loads a bundled scenario by file name ({@code 03_recv_empty_vs_100.yaml}) or id (without {@code .yaml}). */
    public static Scenario loadBundled(String nameOrId) throws ScenarioException {
        String file = nameOrId.endsWith(".yaml") ? nameOrId : nameOrId + ".yaml";
        String source = "assets/scenarios/" + file;
        if (!bundled().contains(file)) {
            throw fail(source, 1, 1, "no bundled scenario '" + nameOrId + "'", Suggest.hint(file, bundled(), "bundled"));
        }
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(BUNDLED_DIR + file)) {
            if (in == null) {
                throw fail(source, 1, 1, "bundled scenario '" + file + "' is listed in index.txt but missing", "rebuild the jar");
            }
            return load(source, in.readAllBytes());
        } catch (IOException e) {
            throw fail(source, 1, 1, "cannot read the bundled scenario: " + e, "rebuild the jar");
        }
    }

    /** A path when one exists, else a bundled scenario: what a command line or file chooser hands over. */
    public static Scenario open(String pathOrBundledName) throws ScenarioException {
        Path p = Path.of(pathOrBundledName);
        return Files.isRegularFile(p) ? load(p) : loadBundled(pathOrBundledName);
    }

    /**
     * Why {@link #open} would find nothing for {@code pathOrBundledName}: {@code file not found: …}
     * with where it looked (the absolute path, and the bundled scenarios, with the closest bundled
     * name); empty when a file or a bundled scenario of that name exists.
     */
    public static java.util.Optional<String> notFound(String pathOrBundledName) {
        Path p;
        try {
            p = Path.of(pathOrBundledName);
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.of("file not found: " + pathOrBundledName + " (not a valid path: " + e.getReason() + ")");
        }
        String file = pathOrBundledName.endsWith(".yaml") ? pathOrBundledName : pathOrBundledName + ".yaml";
        if (Files.isRegularFile(p) || bundled().contains(file)) {
            return java.util.Optional.empty();
        }
        String where = Files.isDirectory(p) ? p.toAbsolutePath() + " is a folder, not a file" : "looked at " + p.toAbsolutePath();
        List<String> ids = bundled().stream().map(ScenarioLoader::idOf).toList();
        String close = Suggest.closest(idOf(pathOrBundledName), ids);
        return java.util.Optional.of("file not found: " + pathOrBundledName + " (" + where
                + ", and no bundled scenario has that name" + (close == null ? "" : "; did you mean " + close + "?") + ")");
    }

    /** The id for a file name: the base name without {@code .yaml}/{@code .yml}. */
    static String idOf(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.replaceFirst("\\.ya?ml$", "");
    }

    private static String decode(String name, byte[] bytes) throws ScenarioException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            // Find the bad byte: decode again up to it to count lines and columns.
            int at = badByte(bytes);
            String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            throw fail(name, line, column, "the file is not valid UTF-8", "save it as UTF-8 text");
        } catch (CharacterCodingException e) {
            throw fail(name, 1, 1, "the file is not valid UTF-8", "save it as UTF-8 text");
        }
    }

    private static int badByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** Parses and validates the text of a scenario file. */
    static Scenario parse(String name, String text) throws ScenarioException {
        Problems problems = new Problems(name);
        if (text.length() > MAX_CHARS) {
            throw fail(name, 1, 1, "the file is too large for a scenario", "scenarios are at most " + MAX_CHARS + " characters");
        }
        Node root = compose(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (problems.isEmpty() && root == null) {
            problems.at(1, 1, "the file is empty", "a scenario has title, slide, setup and steps");
        }
        Scenario s = root == null ? null : ScenarioReader.read(root, idOf(name), name, problems);
        if (!problems.isEmpty() || s == null) {
            throw new ScenarioException(problems.isEmpty()
                    ? List.of(new ScenarioError(name, 1, 1, "the scenario could not be read", "")) : problems.sorted());
        }
        return s;
    }

    private static Node compose(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50); // "billion laughs" guard
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CHARS * 2);
        options.setAllowRecursiveKeys(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            YamlSyntax.report(e, text, problems);
        } catch (ReaderException e) {
            int at = Math.min(Math.max(0, text.offsetByCodePoints(0, Math.min(e.getPosition(), text.codePointCount(0, text.length())))), text.length());
            String before = text.substring(0, at);
            problems.at((int) before.chars().filter(c -> c == '\n').count() + 1, before.length() - before.lastIndexOf('\n'),
                    "YAML syntax: character U+" + String.format("%04X", e.getCodePoint()) + " is not allowed",
                    "remove control characters; use plain UTF-8 text");
        } catch (YAMLException e) {
            problems.at(1, 1, "YAML syntax: " + e.getMessage(), "check the file is YAML");
        }
        return null;
    }

    private static ScenarioException fail(String name, int line, int column, String message, String hint) {
        return new ScenarioException(List.of(new ScenarioError(name, line, column, message, hint)));
    }
}
