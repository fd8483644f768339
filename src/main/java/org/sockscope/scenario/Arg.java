package org.sockscope.scenario;

import java.util.List;

/** A typed argument of a {@link Call}. */
public sealed interface Arg {

    /** A descriptor, by the name the scenario gave it ({@code conn.client}, {@code p.read}, {@code sock}). */
    record Fd(String name) implements Arg {
    }

    /** A number: a length, flags, a constant, an option value. */
    record Int(IntExpr expr) implements Arg {
    }

    /** An application buffer, by name, with a byte offset ({@code data + 60}). */
    record Buffer(String name, IntExpr offset) implements Arg {
    }

    /** A set of descriptors for {@code select()} ({@code {a.server, b.server}}; {@code NULL} is empty). */
    record FdSet(List<String> names) implements Arg {
        public FdSet {
            names = List.copyOf(names);
        }
    }

    /** C's {@code NULL}: no timeout for {@code select()}. */
    record None() implements Arg {
    }

    /** A process or thread that {@code spawn()} starts, by its declared name; {@code thread} for a thread. */
    record Process(String name, boolean thread) implements Arg {
    }

    /** A variable in the process's user-space memory ({@code set(x, 1)}, {@code get(x)}). */
    record Variable(String name) implements Arg {
    }
}
