package org.sockscope.scenario;

import java.util.List;

/**
 * A parsed call as C code writes it: {@code send(conn.client, data + 60, 130 - 60, 0)}.
 * Arguments are typed ({@link Arg}); numbers are expressions the runner evaluates with the
 * values bound by earlier steps. {@code select} is normalised to three arguments: read set,
 * write set and timeout in milliseconds ({@link Arg.None} for no timeout).
 *
 * @param name the C name ({@code send})
 * @param args the arguments
 * @param text the call as written in the file, without a trailing semicolon
 */
public record Call(String name, List<Arg> args, String text) {

    public Call {
        args = List.copyOf(args);
    }

    /** The descriptor name passed as argument {@code i}. */
    public String fd(int i) {
        return ((Arg.Fd) args.get(i)).name();
    }

    /** The number expression passed as argument {@code i}. */
    public IntExpr number(int i) {
        return ((Arg.Int) args.get(i)).expr();
    }

    /** The buffer passed as argument {@code i}. */
    public Arg.Buffer buffer(int i) {
        return (Arg.Buffer) args.get(i);
    }

    /** The descriptor set passed as argument {@code i}. */
    public Arg.FdSet fdSet(int i) {
        return (Arg.FdSet) args.get(i);
    }

    /** The length argument's expression for calls that move bytes (send, recv, read, write), else null. */
    public IntExpr length() {
        return CallSignatures.hasLength(name) ? number(2) : null;
    }

    /** Every descriptor name the call mentions, in order. */
    public List<String> descriptors() {
        return args.stream().flatMap(a -> switch (a) {
            case Arg.Fd fd -> java.util.stream.Stream.of(fd.name());
            case Arg.FdSet set -> set.names().stream();
            default -> java.util.stream.Stream.<String>empty();
        }).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
