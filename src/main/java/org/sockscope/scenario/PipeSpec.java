package org.sockscope.scenario;

import java.util.OptionalInt;

/**
 * A pipe. Its ends are the descriptors {@code NAME.write} and {@code NAME.read}.
 *
 * @param name                the pipe's name
 * @param writer              the process holding the write end
 * @param reader              the process holding the read end
 * @param capacity            bytes set with {@code F_SETPIPE_SZ}, or empty for the default (64 KiB)
 * @param nonblockingWrite    O_NONBLOCK on the write end
 * @param nonblockingRead     O_NONBLOCK on the read end
 */
public record PipeSpec(String name, String writer, String reader, OptionalInt capacity,
                       boolean nonblockingWrite, boolean nonblockingRead) {

    /** The descriptor name of the write end ({@code p.write}). */
    public String writeEnd() {
        return name + ".write";
    }

    /** The descriptor name of the read end ({@code p.read}). */
    public String readEnd() {
        return name + ".read";
    }
}
