package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;
import org.sockscope.scenario.CallLexer.Token;
import org.sockscope.scenario.CallLexer.Type;

/**
 * The grammar of a call, before names are resolved: {@code name(arg, …)} where an argument is a
 * C integer expression over numbers and names ({@code | + - *}, parentheses, unary minus) or a
 * braced set of names ({@code {a.server, b.server}}). Operator precedence is C's.
 */
final class CallSyntax {

    /** A node of the untyped argument tree; {@code at} is its offset in the call's text. */
    sealed interface Node {
        int at();
    }

    record Num(long value, int at) implements Node {
    }

    record Name(String name, int at) implements Node {
    }

    record Neg(Node operand, int at) implements Node {
    }

    record Bin(char op, Node left, Node right, int at) implements Node {
    }

    record Set(List<Name> names, int at) implements Node {
    }

    /** A whole call: its name, arguments, and the offset of the closing parenthesis. */
    record Parsed(Name name, List<Node> args, int closeAt) {
    }

    /** Deeper nesting than this is refused, so a mangled file cannot overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private CallSyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Parsed parse(String text) throws InlineError {
        CallSyntax p = new CallSyntax(CallLexer.tokens(text));
        return p.call();
    }

    private Parsed call() throws InlineError {
        Token name = peek();
        if (name.type() != Type.NAME) {
            throw new InlineError(name.at(), name.type() == Type.END ? "empty call" : "a call starts with its name",
                    "write it as C: recv(conn.server, r_buf, 200, 0)");
        }
        pos++;
        expect(Type.LPAREN, "'(' after the call's name");
        List<Node> args = new ArrayList<>();
        if (peek().type() != Type.RPAREN) {
            args.add(arg());
            while (peek().type() == Type.COMMA) {
                pos++;
                args.add(arg());
            }
        }
        int closeAt = peek().at();
        expect(Type.RPAREN, "',' or ')'");
        if (peek().type() == Type.SEMI) {
            pos++;
        }
        if (peek().type() != Type.END) {
            throw new InlineError(peek().at(), "unexpected '" + peek().text() + "' after the call",
                    "one call per step, nothing after its ')'");
        }
        return new Parsed(new Name(name.text(), name.at()), args, closeAt);
    }

    private Node arg() throws InlineError {
        if (peek().type() != Type.LBRACE) {
            return or();
        }
        int at = next().at();
        List<Name> names = new ArrayList<>();
        if (peek().type() != Type.RBRACE) {
            names.add(setMember());
            while (peek().type() == Type.COMMA) {
                pos++;
                names.add(setMember());
            }
        }
        expect(Type.RBRACE, "',' or '}'");
        return new Set(names, at);
    }

    private Name setMember() throws InlineError {
        Token t = peek();
        if (t.type() != Type.NAME) {
            throw new InlineError(t.at(), "a descriptor set holds descriptor names",
                    "e.g. {conn.server, other.server}");
        }
        pos++;
        return new Name(t.text(), t.at());
    }

    private Node or() throws InlineError {
        Node left = add();
        while (peek().type() == Type.PIPE) {
            int at = next().at();
            left = new Bin('|', left, add(), at);
        }
        return left;
    }

    private Node add() throws InlineError {
        Node left = mul();
        while (peek().type() == Type.PLUS || peek().type() == Type.MINUS) {
            Token op = next();
            left = new Bin(op.text().charAt(0), left, mul(), op.at());
        }
        return left;
    }

    private Node mul() throws InlineError {
        Node left = unary();
        while (peek().type() == Type.STAR) {
            int at = next().at();
            left = new Bin('*', left, unary(), at);
        }
        return left;
    }

    private Node unary() throws InlineError {
        if (++depth > MAX_DEPTH) {
            throw new InlineError(peek().at(), "expression nested too deeply", "at most " + MAX_DEPTH + " levels");
        }
        try {
            return primary();
        } finally {
            depth--;
        }
    }

    private Node primary() throws InlineError {
        if (peek().type() == Type.MINUS) {
            int at = next().at();
            return new Neg(unary(), at);
        }
        Token t = next();
        return switch (t.type()) {
            case NUMBER -> new Num(t.value(), t.at());
            case NAME -> new Name(t.text(), t.at());
            case LPAREN -> {
                Node inner = or();
                expect(Type.RPAREN, "')'");
                yield inner;
            }
            case END -> throw new InlineError(t.at(), "the call ends too early", "close it with ')'");
            default -> throw new InlineError(t.at(), "expected an argument, found '" + t.text() + "'",
                    "a name, a number, or an expression such as 130 - 60");
        };
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.END) {
            pos++;
        }
        return t;
    }

    private void expect(Type type, String what) throws InlineError {
        Token t = peek();
        if (t.type() != type) {
            throw new InlineError(t.at(), "expected " + what + (t.type() == Type.END ? " at the end" : ", found '" + t.text() + "'"),
                    type == Type.RPAREN ? "check the parentheses" : "");
        }
        pos++;
    }
}
