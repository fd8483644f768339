package org.sockscope.lab.agent;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import org.sockscope.lab.Call;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.SysResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One end of the control channel between the app and a process actor: JSON lines over a socketpair
 * descriptor, written and read with the {@code posix} layer's {@code write()}/{@code read()}.
 * Sending is thread-safe; one thread receives.
 */
final class Channel {
    private static final ObjectMapper MAPPER = mapper();

    private final int fd;
    private final byte[] chunk = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int start;
    private int end;

    Channel(int fd) {
        this.fd = fd;
    }

    int fd() {
        return fd;
    }

    /** A message's JSON line (without its newline). */
    static String json(Object message) throws IOException {
        return MAPPER.writeValueAsString(message);
    }

    /** Sends one message; throws when the other end is gone. */
    synchronized void send(Object message) throws IOException {
        byte[] bytes = (json(message) + "\n").getBytes(StandardCharsets.UTF_8);
        int off = 0;
        while (off < bytes.length) {
            SysResult r = Libc.write(fd, bytes, off, bytes.length - off);
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) {
                    continue;
                }
                throw new IOException("control channel write failed: " + Errno.name(r.errno()));
            }
            off += (int) r.value();
        }
    }

    /** The next message, or null once the other end has closed. */
    <T> T receive(Class<T> type) throws IOException {
        line.reset();
        while (true) {
            for (int i = start; i < end; i++) {
                if (chunk[i] == '\n') {
                    line.write(chunk, start, i - start);
                    start = i + 1;
                    return MAPPER.readValue(line.toByteArray(), type);
                }
            }
            line.write(chunk, start, end - start);
            start = 0;
            SysResult r = Libc.read(fd, chunk, chunk.length);
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) {
                    end = 0;
                    continue;
                }
                throw new IOException("control channel read failed: " + Errno.name(r.errno()));
            }
            end = (int) r.value();
            if (end == 0) {
                return null;
            }
        }
    }

    /** Calls, commands and messages as JSON tagged by their record's name. */
    private static ObjectMapper mapper() {
        JsonMapper m = JsonMapper.builder().build();
        for (Class<?> sealed : List.of(Call.class, Command.class, Message.class)) {
            m.addMixIn(sealed, Tagged.class);
            for (Class<?> sub : sealed.getPermittedSubclasses()) {
                m.registerSubtypes(new NamedType(sub, sub.getSimpleName()));
            }
        }
        return m;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface Tagged {
    }
}
