package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sockscope.posix.Errno;

/**
 * Parses outcome patterns: {@code blocks}, {@code blocks at_least_ms N at_most_ms N} (a timing band),
 * {@code busy}, {@code returns N|partial|all|>N|>=N|<N|<=N},
 * {@code copies …} (same amounts), {@code fails ERRNO}, {@code not P}, {@code P and P}.
 */
final class OutcomePatternParser {
    static final String ALLOWED = "blocks, blocks at_least_ms N at_most_ms N, busy, returns N, returns partial, returns all, returns >N, "
            + "copies N, copies partial, fails ERRNO, total N, calls N, stopped EAGAIN, not PATTERN, PATTERN and PATTERN";

    /** The timing band's fields, lower bound first: the words of the text form and the keys of {@code blocks: {…}}. */
    static final List<String> BAND_FIELDS = List.of("at_least_ms", "at_most_ms");
    /** The longest band bound: an hour, longer than any scenario runs. */
    static final long MAX_BAND_MS = 3_600_000;

    /** The errno names SockScope knows, for suggestions: Errno's table (Linux values stay below 256) and the alias. */
    private static final List<String> ERRNO_NAMES = java.util.stream.Stream.concat(
            java.util.stream.IntStream.range(1, 256).mapToObj(Errno::name).filter(n -> !n.startsWith("errno ")),
            java.util.stream.Stream.of("EWOULDBLOCK")).toList();

    private final String text;
    private final List<int[]> words = new ArrayList<>(); // [start, end) of each word
    private int next;

    private OutcomePatternParser(String text) {
        this.text = text;
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            words.add(new int[] {start, i});
        }
    }

    /** Parses one pattern; the whole text must be used. */
    static OutcomePattern parse(String text) throws InlineError {
        OutcomePatternParser p = new OutcomePatternParser(text);
        if (p.words.isEmpty()) {
            throw new InlineError(0, "empty outcome pattern", "write one of: " + ALLOWED);
        }
        List<OutcomePattern> parts = new ArrayList<>();
        parts.add(p.negatable());
        while (p.next < p.words.size()) {
            if (!p.word().equals("and")) {
                throw new InlineError(p.start(), "unexpected '" + p.word() + "' after '" + parts.getLast() + "'",
                        "join patterns with 'and'");
            }
            p.next++;
            parts.add(p.negatable());
        }
        return parts.size() == 1 ? parts.getFirst() : new OutcomePattern.All(parts);
    }

    private OutcomePattern negatable() throws InlineError {
        if (next < words.size() && word().equals("not")) {
            next++;
            return new OutcomePattern.Not(negatable());
        }
        return atom();
    }

    private OutcomePattern atom() throws InlineError {
        if (next >= words.size()) {
            throw new InlineError(text.length(), "pattern ends too early", "write one of: " + ALLOWED);
        }
        String w = word().toLowerCase(Locale.ROOT);
        int at = start();
        next++;
        return switch (w) {
            case "blocks", "block", "blocked" -> blocks();
            case "busy" -> new OutcomePattern.Busy();
            case "returns", "return" -> new OutcomePattern.Returns(amount(at));
            case "copies", "copy" -> new OutcomePattern.Copies(amount(at));
            case "fails", "fail" -> errno(at);
            case "total" -> new OutcomePattern.Total(plain(amount(at), at, "total"));
            case "calls" -> new OutcomePattern.Calls(plain(amount(at), at, "calls"));
            case "stopped" -> stopped(at);
            default -> throw new InlineError(at, "unknown outcome '" + words(at) + "'", "write one of: " + ALLOWED);
        };
    }

    /** A loop's total or count is a number, or compared with one: partial and all are a single call's words. */
    private static OutcomePattern.Amount plain(OutcomePattern.Amount a, int at, String what) throws InlineError {
        if (a.needsLength()) {
            throw new InlineError(at, "'" + what + " " + a + "' is not a figure", what + " takes a number: " + what
                    + " 9000, " + what + " >=3");
        }
        return a;
    }

    /** An amount a kernel figure is compared with: {@code 80}, {@code >0}, {@code <=4096}. */
    static OutcomePattern.Amount figure(String text) throws InlineError {
        OutcomePatternParser p = new OutcomePatternParser(text);
        OutcomePattern.Amount a = plain(p.amount(0), 0, "the figure");
        if (p.next < p.words.size()) {
            throw new InlineError(p.start(), "unexpected '" + p.word() + "' after the amount", "write one amount: 80, \">0\"");
        }
        return a;
    }

    /** The words for why a loop ended, as {@code stopped WORD} writes them. */
    static final List<String> STOPS = java.util.Arrays.stream(org.sockscope.trace.CallOutcome.Stop.values())
            .map(OutcomePattern.Stopped::word).toList();

    /** {@code stopped EAGAIN}, {@code stopped condition}, …: why a loop ended. */
    private OutcomePattern stopped(int at) throws InlineError {
        if (next >= words.size()) {
            throw new InlineError(text.length(), "'stopped' needs why", "one of: " + String.join(", ", STOPS));
        }
        String w = word();
        int wordAt = start();
        next++;
        return stopped(w, wordAt);
    }

    /** The pattern {@code stopped w}; {@code w} at {@code offset} when it is not a reason. */
    static OutcomePattern stopped(String w, int offset) throws InlineError {
        for (var s : org.sockscope.trace.CallOutcome.Stop.values()) {
            if (OutcomePattern.Stopped.word(s).equalsIgnoreCase(w)) {
                return new OutcomePattern.Stopped(s);
            }
        }
        throw new InlineError(offset, "'" + w + "' is not why a loop stops", Suggest.hint(w, STOPS, "allowed"));
    }

    /** {@code blocks}, or a timing band: {@code blocks at_least_ms 100 at_most_ms 400} (either bound may be left out). */
    private OutcomePattern blocks() throws InlineError {
        int bandAt = next < words.size() ? start() : text.length();
        long[] bounds = {OutcomePattern.BlocksFor.NONE, OutcomePattern.BlocksFor.NONE};
        while (next < words.size() && BAND_FIELDS.contains(word())) {
            String key = word();
            int side = BAND_FIELDS.indexOf(key);
            if (bounds[side] != OutcomePattern.BlocksFor.NONE) {
                throw new InlineError(start(), "'" + key + "' is given twice", "give each bound once");
            }
            next++;
            if (next >= words.size()) {
                throw new InlineError(text.length(), "'" + key + "' needs a number of milliseconds", "e.g. " + key + " 100");
            }
            String ms = word();
            if (!ms.matches("[0-9]{1,7}") || Long.parseLong(ms) > MAX_BAND_MS) {
                throw new InlineError(start(), "'" + ms + "' is not a number of milliseconds", "a whole number in 0.." + MAX_BAND_MS);
            }
            bounds[side] = Long.parseLong(ms);
            next++;
        }
        if (bounds[0] == OutcomePattern.BlocksFor.NONE && bounds[1] == OutcomePattern.BlocksFor.NONE) {
            return new OutcomePattern.Blocks();
        }
        return band(bounds[0], bounds[1], bandAt);
    }

    /** A timing band ({@link OutcomePattern.BlocksFor#NONE} for an open side), checked: text and YAML forms share it. */
    static OutcomePattern.BlocksFor band(long atLeastMs, long atMostMs, int offset) throws InlineError {
        if (atLeastMs == OutcomePattern.BlocksFor.NONE && atMostMs == OutcomePattern.BlocksFor.NONE) {
            throw new InlineError(offset, "a timing band needs at_least_ms or at_most_ms", "e.g. blocks: {at_least_ms: 100, at_most_ms: 400}");
        }
        if (atLeastMs != OutcomePattern.BlocksFor.NONE && atMostMs != OutcomePattern.BlocksFor.NONE && atLeastMs > atMostMs) {
            throw new InlineError(offset, "at_least_ms (" + atLeastMs + ") is more than at_most_ms (" + atMostMs + ")",
                    "the band is at_least_ms..at_most_ms");
        }
        return new OutcomePattern.BlocksFor(atLeastMs, atMostMs);
    }

    private OutcomePattern errno(int at) throws InlineError {
        if (next >= words.size()) {
            throw new InlineError(text.length(), "'fails' needs an errno name", "e.g. fails EAGAIN");
        }
        String name = word();
        int value = errno(name, start());
        next++;
        return new OutcomePattern.Fails(name, value);
    }

    /** The value of errno {@code name} ({@code fails: …} and {@code fails …} share it); a typo gets "did you mean". */
    static int errno(String name, int offset) throws InlineError {
        int value = Errno.valueOf(name);
        if (value < 0) {
            String close = Suggest.closest(name, ERRNO_NAMES);
            throw new InlineError(offset, "unknown errno '" + name + "'", (close == null ? "" : "did you mean '" + close + "'? ")
                    + "e.g. EAGAIN, EWOULDBLOCK, EPIPE, ECONNRESET, EBADF");
        }
        return value;
    }

    /** An amount: one word ({@code 100}, {@code partial}, {@code >0}) or an operator and a number ({@code > 0}). */
    private OutcomePattern.Amount amount(int at) throws InlineError {
        if (next >= words.size()) {
            throw new InlineError(text.length(), "'" + text.substring(at).trim() + "' needs an amount",
                    "a number, partial, all, or a comparison such as >0");
        }
        String w = word();
        int wordStart = start();
        next++;
        if (w.equals("partial")) {
            return new OutcomePattern.Amount(OutcomePattern.Amount.Op.PARTIAL, 0);
        }
        if (w.equals("all")) {
            return new OutcomePattern.Amount(OutcomePattern.Amount.Op.ALL, 0);
        }
        OutcomePattern.Amount.Op op = OutcomePattern.Amount.Op.EQ;
        String number = w;
        for (String prefix : new String[] {">=", "<=", ">", "<", "=="}) {
            if (w.startsWith(prefix)) {
                op = switch (prefix) {
                    case ">=" -> OutcomePattern.Amount.Op.GE;
                    case "<=" -> OutcomePattern.Amount.Op.LE;
                    case ">" -> OutcomePattern.Amount.Op.GT;
                    case "<" -> OutcomePattern.Amount.Op.LT;
                    default -> OutcomePattern.Amount.Op.EQ;
                };
                number = w.substring(prefix.length());
                wordStart += prefix.length();
                if (number.isEmpty() && next < words.size()) { // "> 0"
                    number = word();
                    wordStart = start();
                    next++;
                }
                break;
            }
        }
        try {
            return new OutcomePattern.Amount(op, Long.parseLong(number));
        } catch (NumberFormatException e) {
            throw new InlineError(wordStart, "'" + number + "' is not an amount",
                    "a number, partial, all, or a comparison such as >0");
        }
    }

    private String word() {
        int[] w = words.get(next);
        return text.substring(w[0], w[1]);
    }

    private int start() {
        return words.get(next)[0];
    }

    private String words(int at) {
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }
}
