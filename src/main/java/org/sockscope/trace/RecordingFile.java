package org.sockscope.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A recording on disk: one gzip-compressed JSON document,
 * {@code {"format":"sockscope-recording","version":1,"header":{…},"trace":{…TraceJson…}}}.
 * Reading a bad file throws an {@link IOException} whose message names the file and what is wrong.
 */
public final class RecordingFile {
    /** The format tag written to and required in every recording. */
    public static final String FORMAT = "sockscope-recording";
    /** The version written; recordings of other versions are refused with a clear message. */
    public static final int VERSION = 1;
    /** The file name ending the app suggests. */
    public static final String EXTENSION = ".sockscope";

    private RecordingFile() {
    }

    /** The document's shape. */
    record Document(String format, int version, RecordingHeader header, TraceJson.Document trace) {
    }

    /** Writes {@code r} to {@code file} (whole or not at all: through a temporary file beside it). */
    public static void write(Recording r, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        // Beside the file, with the permissions any new file gets (a temp file would be owner-only).
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE))) {
                write(r, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code r} as uncompressed JSON to {@code out} (not closed). */
    static void write(Recording r, OutputStream out) throws IOException {
        Document doc = new Document(FORMAT, VERSION, r.header(),
                new TraceJson.Document(TraceJson.FORMAT, TraceJson.VERSION, r.trace().events()));
        TraceJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, doc);
    }

    /** Reads the recording in {@code file}; the exception's message is {@code FILE: what is wrong}. */
    public static Recording read(Path file) throws IOException {
        return read(file.toString(), () -> Files.newInputStream(file));
    }

    /** Opens the compressed bytes of a recording. */
    public interface Source {
        /** A fresh stream of the file's bytes. */
        InputStream open() throws IOException;
    }

    /** Reads the recording {@code source} opens (a file, a resource in the jar); the exception's message is {@code NAME: what is wrong}. */
    public static Recording read(String name, Source source) throws IOException {
        Path file = Path.of(name);
        try (InputStream in = new GZIPInputStream(source.open())) {
            return parse(TraceJson.MAPPER.readTree(in));
        } catch (NoSuchFileException e) {
            throw problem(file, "no such file");
        } catch (AccessDeniedException e) {
            throw problem(file, "cannot be read (permission denied)");
        } catch (ZipException e) {
            throw problem(file, "Not in GZIP format".equals(e.getMessage())
                    ? "not a SockScope recording (it is not gzip-compressed; SockScope saves recordings as " + EXTENSION + " files)"
                    : "the compressed data is damaged (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw problem(file, "the file is cut short: the compressed data ends early (it was not saved or copied completely)");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw problem(file, "not a SockScope recording: its JSON is broken" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + " (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (Problem e) {
            throw problem(file, e.getMessage());
        } catch (IOException e) {
            throw problem(file, e.getMessage());
        }
    }

    private static IOException problem(Path file, String what) {
        return new IOException(file + ": " + what);
    }

    /** What is wrong inside a well-formed document (the file is named by {@link #read}). */
    private static final class Problem extends IOException {
        Problem(String message) {
            super(message);
        }
    }

    /** The name of a field {@code e} cannot be shown without, when it is missing (null); else null. */
    private static String missing(Event e) {
        return switch (e) {
            case Event.ActorChanged a -> a.actor() == null ? "actor" : a.process() == null ? "process" : null;
            case Event.CallStarted c -> c.actor() == null ? "actor" : c.call() == null ? "call" : null;
            case Event.CallBlocked b -> b.actor() == null ? "actor" : b.syscall() == null || b.wchan() == null ? "syscall or wchan" : null;
            case Event.CallReturned r -> r.actor() == null ? "actor" : r.call() == null ? "call" : r.outcome() == null ? "outcome"
                    : r.data() == null ? "data" : null;
            case Event.CallCancelled c -> c.actor() == null ? "actor" : c.how() == null ? "how" : null;
            case Event.DescriptorOpened o -> o.process() == null ? "process" : o.descriptor() == null ? "descriptor"
                    : o.label() == null ? "label" : null;
            case Event.DescriptorClosed c -> c.process() == null ? "process" : null;
            case Event.KernelSample k -> null; // its lists are required by the record itself
            case Event.ProcessChanged p -> p.process() == null ? "process" : p.exit() == null ? "exit" : null;
            case Event.Note n -> n.text() == null ? "text" : null;
        };
    }

    /** {@code trace.events[3].descriptor}: where in the document a mapping failed. */
    private static String where(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "its top" : sb.toString();
    }

    private static Recording parse(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new Problem("not a SockScope recording: it holds no JSON object");
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new Problem("not a SockScope recording: its \"format\" is " + (format.isEmpty() ? "missing" : "\"" + format + "\"")
                    + ", not \"" + FORMAT + "\"");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            String by = root.path("header").path("sockscopeVersion").asText("");
            throw new Problem("recording version " + root.path("version") + " is not supported: this SockScope ("
                    + RecordingHeader.thisVersion() + ") reads version " + VERSION
                    + (by.isEmpty() ? "" : "; it was saved by SockScope " + by + ", which opens it"));
        }
        for (String field : new String[] {"header", "trace"}) {
            if (!root.path(field).isObject()) {
                throw new Problem("the recording has no \"" + field + "\"");
            }
        }
        Document doc;
        try {
            doc = TraceJson.MAPPER.treeToValue(root, Document.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new Problem("its content does not fit a recording at " + where(e) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        List<Event> events = doc.trace().events() == null ? List.of() : doc.trace().events();
        for (int i = 0; i < events.size(); i++) {
            String missing = missing(events.get(i));
            if (missing != null) {
                throw new Problem("its trace.events[" + i + "] (" + events.get(i).getClass().getSimpleName() + ") has no " + missing);
            }
        }
        Trace trace;
        try {
            trace = TraceJson.check(doc.trace());
        } catch (Problem e) {
            throw e;
        } catch (IOException e) {
            throw new Problem("its trace: " + e.getMessage());
        } catch (RuntimeException e) { // an event the world cannot take (a descriptor missing, say)
            throw new Problem("its trace cannot be replayed: " + e);
        }
        return new Recording(doc.header(), trace);
    }
}
