package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;

/** Splits a call's text into tokens, keeping each token's offset for error columns. */
final class CallLexer {
    private CallLexer() {
    }

    enum Type { NAME, NUMBER, LPAREN, RPAREN, COMMA, PLUS, MINUS, STAR, PIPE, LBRACE, RBRACE, SEMI, END }

    /** A token; {@code value} is set for numbers. */
    record Token(Type type, String text, int at, long value) {
    }

    static List<Token> tokens(String s) throws InlineError {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isNameStart(c)) {
                int start = i;
                i = nameEnd(s, i);
                out.add(new Token(Type.NAME, s.substring(start, i), start, 0));
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                String text = s.substring(start, i);
                out.add(new Token(Type.NUMBER, text, start, number(text, start)));
            } else {
                Type t = switch (c) {
                    case '(' -> Type.LPAREN;
                    case ')' -> Type.RPAREN;
                    case ',' -> Type.COMMA;
                    case '+' -> Type.PLUS;
                    case '-' -> Type.MINUS;
                    case '*' -> Type.STAR;
                    case '|' -> Type.PIPE;
                    case '{' -> Type.LBRACE;
                    case '}' -> Type.RBRACE;
                    case ';' -> Type.SEMI;
                    default -> throw new InlineError(i, "unexpected character '" + printable(c) + "'",
                            "a call is written as C: name(arg, …) with descriptor names, buffer names, numbers,"
                                    + " constants and + - * |");
                };
                out.add(new Token(t, String.valueOf(c), i, 0));
                i++;
            }
        }
        out.add(new Token(Type.END, "", s.length(), 0));
        return out;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    // A name may have dotted parts (conn.client) and end in an index (sv[0], a socketpair's end):
    // one token, so errors point at the whole name.
    private static int nameEnd(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isNamePart(c)) {
                i++;
            } else if (c == '.' && i + 1 < s.length() && isNameStart(s.charAt(i + 1))) {
                i++;
            } else if (c == '[' && s.startsWith("]", indexEnd(s, i + 1)) && indexEnd(s, i + 1) > i + 1) {
                return indexEnd(s, i + 1) + 1;
            } else {
                break;
            }
        }
        return i;
    }

    private static int indexEnd(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    // C literals: decimal, 0x hex, and leading-zero octal (O_NONBLOCK is 04000 in the headers).
    private static long number(String text, int at) throws InlineError {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Long.parseLong(text.substring(1), 8);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InlineError(at, "'" + text + "' is not a number C accepts",
                    "write a decimal number (4096), hex (0x1000) or octal (04000) below 2^63");
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
