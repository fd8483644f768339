package org.sockscope.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reports a YAML syntax error where the author must look. SnakeYAML often gives two places: where
 * it began reading something (an opening {@code [}, {@code {} or quote, a key) and where it gave up,
 * which for an unclosed bracket is a later line. Both are reported, each naming the other, so the
 * bracket that was left open is never hidden behind the line after it.
 */
final class YamlSyntax {
    private static final Pattern WHILE = Pattern.compile("while (?:parsing|scanning|constructing) (?:an? )?(.+)");

    private YamlSyntax() {
    }

    /** Adds the located problems of {@code e}, a syntax error in {@code text}. */
    static void report(MarkedYAMLException e, String text, Problems problems) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String context = e.getProblem() != null ? e.getContext() : null;
        Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark start = e.getContextMark();
        String what = "YAML syntax: " + (problem == null ? "invalid YAML" : problem.strip());
        if (context == null || start == null || at == null || samePlace(start, at)) {
            problems.at(at, what, context != null ? context : "check indentation, colons and quotes");
            return;
        }
        String opener = opener(text, start, context);
        String thing = thing(context);
        String started = opener != null ? "this " + opener + " is not closed" : "the " + thing + " that starts here is broken";
        problems.at(start, "YAML syntax: " + started,
                "the parser gave up at " + place(at) + ": " + problem.strip() + (opener != null ? "; close it" : ""));
        problems.at(at, what, opener != null ? "the " + opener + " at " + place(start) + " is not closed"
                : "in the " + thing + " that starts at " + place(start) + "; check this line's indentation, colons and quotes");
    }

    /** What SnakeYAML was reading, in the author's words: "while parsing a block mapping" → "mapping". */
    private static String thing(String context) {
        Matcher m = WHILE.matcher(context.strip());
        String what = m.matches() ? m.group(1) : context.strip();
        return switch (what) {
            case "block collection", "block sequence", "flow sequence" -> "list";
            case "block mapping", "flow mapping" -> "mapping";
            case "quoted scalar" -> "quoted text";
            case "simple key" -> "key";
            case "block scalar" -> "block of text";
            default -> what;
        };
    }

    /** {@code '['}, {@code '{'} or {@code quote (")} when the context began at one, else null. */
    private static String opener(String text, Mark start, String context) {
        String line = lineOf(text, start.getLine());
        if (line == null || start.getColumn() >= line.codePointCount(0, line.length())) {
            return null;
        }
        int c = line.codePointAt(line.offsetByCodePoints(0, start.getColumn()));
        boolean flow = context.contains("flow") && (c == '[' || c == '{');
        boolean quote = context.contains("quoted") && (c == '"' || c == '\'');
        return flow ? "'" + (char) c + "'" : quote ? "quote (" + (char) c + ")" : null;
    }

    private static String lineOf(String text, int line) {
        int from = 0;
        for (int i = 0; i < line; i++) {
            from = text.indexOf('\n', from) + 1;
            if (from == 0) {
                return null;
            }
        }
        int to = text.indexOf('\n', from);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    private static boolean samePlace(Mark a, Mark b) {
        return a.getLine() == b.getLine() && a.getColumn() == b.getColumn();
    }

    private static String place(Mark m) {
        return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }
}
