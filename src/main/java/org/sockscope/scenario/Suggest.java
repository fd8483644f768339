package org.sockscope.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean …?" for typos, by edit distance. */
final class Suggest {
    private Suggest() {
    }

    /** The closest candidate within two edits (or differing only in case), or null. */
    static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = c.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)) ? 0 : distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** A hint: "did you mean 'x'? allowed: a, b, c" (or just the list). */
    static String hint(String word, List<String> candidates, String label) {
        String close = closest(word, candidates);
        String list = candidates.isEmpty() ? "none defined" : String.join(", ", candidates);
        return (close != null ? "did you mean '" + close + "'? " : "") + label + ": " + list;
    }

    // Levenshtein distance, capped: long words are compared only when their lengths are close.
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
