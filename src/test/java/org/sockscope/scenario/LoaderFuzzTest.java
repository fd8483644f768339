package org.sockscope.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mangled copies of the bundled scenarios (byte, line and token mutations, seeded): every
 * one is loaded or rejected with located errors — never another exception, never a hang.
 */
class LoaderFuzzTest {
    static final long SEED = 0x5C0C5C09EL;
    static final int FILES = 10_000;
    static final int BATCH = 1_000;

    /** Tokens that mean something to YAML, to the call parser, or to the checks. */
    static final String[] TOKENS = {":", ": ", "- ", "-", "{", "}", "[", "]", ",", "&a ", "*a", "&a", "!!int ", "!x ",
        "|", ">", "'", "\"", "#", "\t", "    ", "\n", "\n  ", "~", "null", "true", "yes", "0x", "-1", "99999999999999999999",
        "recv(", "send(", ")", "(", "conn.client", "conn.server", "p.read", "MSG_PEEK", "O_NONBLOCK", "|", "+", "*",
        "NULL", "select({", "accept(", "as: x", "id: ", "when: ", "otherwise", "returns partial", "blocks", "fails EAGAIN",
        "not ", " and ", "process: ", "call: ", "line: ", "steps:", "question:", "<<: ", "---\n", "...\n", "%YAML 1.1\n",
        "\u0000", "\u0007", "\uFEFF", "\uFFFF", "é", "😀", "\\", "\\x", "?", "? ", "@", "`"};

    @Test
    void tenThousandMutantsNeverCrashOrHang() throws IOException {
        List<byte[]> originals = new ArrayList<>();
        for (String name : ScenarioLoader.bundled()) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream(ScenarioLoader.BUNDLED_DIR + name)) {
                originals.add(in.readAllBytes());
            }
        }
        assertFalse(originals.isEmpty());
        Random random = new Random(SEED);
        int[] outcome = new int[2]; // loaded, rejected
        for (int batch = 0; batch < FILES / BATCH; batch++) {
            int first = batch * BATCH;
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                for (int i = first; i < first + BATCH; i++) {
                    byte[] original = originals.get(random.nextInt(originals.size()));
                    byte[] mutant = mutate(original, random);
                    outcome[check(i, mutant)]++;
                }
            }, "batch " + batch + " took too long: a mutant hangs the loader");
        }
        assertTrue(outcome[1] > FILES / 2, "most mutants are broken: " + Arrays.toString(outcome));
        assertTrue(outcome[0] > 0, "some mutants are harmless (a comment, a reordered line): " + Arrays.toString(outcome));
    }

    /** 0 when loaded, 1 when rejected with sane located errors; fails the test on anything else. */
    static int check(int index, byte[] mutant) {
        String name = "fuzz/" + index + ".yaml";
        try {
            ScenarioLoader.load(name, mutant);
            return 0;
        } catch (ScenarioException e) {
            int lines = new String(mutant, StandardCharsets.UTF_8).split("\n", -1).length;
            for (ScenarioError err : e.errors()) {
                if (!err.file().equals(name) || err.line() < 1 || err.line() > lines + 1 || err.column() < 1
                        || err.message().isBlank()) {
                    fail("mutant " + index + " gave a badly located error: " + err + "\n" + show(mutant));
                }
            }
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("mutant " + index + " crashed the loader with " + e + "\n" + show(mutant), e);
        }
    }

    static String show(byte[] mutant) {
        return new String(mutant, StandardCharsets.UTF_8);
    }

    static byte[] mutate(byte[] original, Random r) {
        byte[] b = original;
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            b = switch (r.nextInt(8)) {
                case 0 -> flipByte(b, r);
                case 1 -> deleteRange(b, r);
                case 2 -> insertToken(b, r);
                case 3 -> lineOp(b, r);
                case 4 -> swapTokens(b, r);
                case 5 -> reindent(b, r);
                case 6 -> replaceWord(b, r);
                default -> truncate(b, r);
            };
        }
        return b;
    }

    static byte[] flipByte(byte[] b, Random r) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        int i = r.nextInt(c.length);
        c[i] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) (c[i] ^ (1 << r.nextInt(8)));
        return c;
    }

    static byte[] deleteRange(byte[] b, Random r) {
        if (b.length < 2) {
            return b;
        }
        int from = r.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + r.nextInt(20));
        return concat(Arrays.copyOfRange(b, 0, from), Arrays.copyOfRange(b, to, b.length));
    }

    static byte[] insertToken(byte[] b, Random r) {
        int at = r.nextInt(b.length + 1);
        byte[] t = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
        return concat(Arrays.copyOfRange(b, 0, at), t, Arrays.copyOfRange(b, at, b.length));
    }

    static byte[] truncate(byte[] b, Random r) {
        return Arrays.copyOf(b, r.nextInt(b.length + 1));
    }

    /** Delete, duplicate or swap whole lines. */
    static byte[] lineOp(byte[] b, Random r) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        int i = r.nextInt(lines.size());
        int j = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(j, lines.get(i));
            default -> {
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] reindent(byte[] b, Random r) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        int i = r.nextInt(lines.size());
        lines.set(i, r.nextBoolean() ? " ".repeat(1 + r.nextInt(4)) + lines.get(i) : lines.get(i).stripLeading());
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Swap two words of the file: keys become values, calls trade arguments. */
    static byte[] swapTokens(byte[] b, Random r) {
        String[] words = new String(b, StandardCharsets.UTF_8).split("(?<=[ ,(){}\\[\\]:\\n])|(?=[ ,(){}\\[\\]:\\n])", -1);
        if (words.length < 2) {
            return b;
        }
        int i = r.nextInt(words.length);
        int j = r.nextInt(words.length);
        String t = words[i];
        words[i] = words[j];
        words[j] = t;
        return String.join("", words).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] replaceWord(byte[] b, Random r) {
        String[] words = new String(b, StandardCharsets.UTF_8).split("(?<=[ ,(){}\\[\\]:\\n])|(?=[ ,(){}\\[\\]:\\n])", -1);
        words[r.nextInt(words.length)] = TOKENS[r.nextInt(TOKENS.length)];
        return String.join("", words).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
