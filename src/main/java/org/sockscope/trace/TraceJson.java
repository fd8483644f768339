package org.sockscope.trace;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/** A trace's JSON form: {@code {"format":"sockscope-trace","version":1,"events":[…]}}. */
public final class TraceJson {
    private TraceJson() {
    }

    /** The format tag written to and required in every file. */
    public static final String FORMAT = "sockscope-trace";
    /** The version written; files of other versions are refused with a clear message. */
    public static final int VERSION = 3;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The file's shape. */
    public record Document(String format, int version, List<Event> events) {
    }

    /** Writes every event of {@code trace}. */
    public static void write(Trace trace, Writer out) throws IOException {
        MAPPER.writerFor(Document.class).writeValue(out, new Document(FORMAT, VERSION, trace.events()));
    }

    /** The JSON text of {@code trace}. */
    public static String toJson(Trace trace) {
        try {
            return MAPPER.writerFor(Document.class).writeValueAsString(new Document(FORMAT, VERSION, trace.events()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a trace; throws {@link IOException} naming what is wrong. */
    public static Trace read(Reader in) throws IOException {
        return check(MAPPER.readValue(in, new TypeReference<Document>() { }));
    }

    /** The trace a parsed document holds; throws {@link IOException} naming what is wrong. */
    static Trace check(Document doc) throws IOException {
        if (doc == null || !FORMAT.equals(doc.format())) {
            throw new IOException("not a SockScope trace: the \"format\" field must be \"" + FORMAT + "\"");
        }
        if (doc.version() != VERSION) {
            throw new IOException("trace version " + doc.version() + " is not supported (this SockScope reads version " + VERSION + ")");
        }
        return Trace.of(doc.events() == null ? List.of() : doc.events());
    }

    /** Reads a trace from its JSON text. */
    public static Trace fromJson(String json) throws IOException {
        return read(new java.io.StringReader(json));
    }
}
