package org.sockscope.scenario;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An integer expression as C writes it in an argument: numbers, named constants
 * ({@code MSG_DONTWAIT}), numbers bound by earlier steps ({@code sent}), and {@code + - * |}.
 */
public sealed interface IntExpr {

    /** The value, given the numbers bound so far; throws ArithmeticException on overflow. */
    long eval(Map<String, Long> vars);

    /** True when the value does not depend on numbers bound by steps. */
    boolean isConstant();

    /** A number written in the file. */
    record Literal(long value) implements IntExpr {
        public long eval(Map<String, Long> vars) {
            return value;
        }

        public boolean isConstant() {
            return true;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A named constant of the Linux ABI ({@code O_NONBLOCK}). */
    record Constant(String name, long value) implements IntExpr {
        public long eval(Map<String, Long> vars) {
            return value;
        }

        public boolean isConstant() {
            return true;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A number name with no value yet: its step has not returned, or returned none. */
    final class Unbound extends NoSuchElementException {
        private static final long serialVersionUID = 1L;
        /** The name. */
        final String name;

        Unbound(String name) {
            super("no value bound to '" + name + "'");
            this.name = name;
        }
    }

    record Variable(String name) implements IntExpr {
        public long eval(Map<String, Long> vars) {
            Long v = vars.get(name);
            if (v == null) {
                throw new Unbound(name);
            }
            return v;
        }

        public boolean isConstant() {
            return false;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus. */
    record Negate(IntExpr operand) implements IntExpr {
        public long eval(Map<String, Long> vars) {
            return Math.negateExact(operand.eval(vars));
        }

        public boolean isConstant() {
            return operand.isConstant();
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }

    /** {@code left op right} with op one of {@code + - * |}. */
    record Binary(char op, IntExpr left, IntExpr right) implements IntExpr {
        public long eval(Map<String, Long> vars) {
            long a = left.eval(vars);
            long b = right.eval(vars);
            return switch (op) {
                case '+' -> Math.addExact(a, b);
                case '-' -> Math.subtractExact(a, b);
                case '*' -> Math.multiplyExact(a, b);
                case '|' -> a | b;
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        public boolean isConstant() {
            return left.isConstant() && right.isConstant();
        }

        @Override
        public String toString() {
            return wrap(left, precedence(op)) + " " + op + " " + wrap(right, precedence(op) + 1);
        }

        private static int precedence(char op) {
            return switch (op) {
                case '|' -> 1;
                case '*' -> 3;
                default -> 2;
            };
        }

        // Parenthesise a child that binds less tightly than its position needs, as C requires.
        private static String wrap(IntExpr e, int needed) {
            return e instanceof Binary b && precedence(b.op) < needed ? "(" + b + ")" : e.toString();
        }
    }
}
