package dev.launchc.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class DidYouMean {
    private DidYouMean() {}

    /** The closest candidate within a distance that scales with the word, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String needle = normalize(word);
        int limit = Math.max(2, needle.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String hay = normalize(candidate);
            if (Math.abs(hay.length() - needle.length()) > limit) {
                continue;
            }
            int d = distance(needle, hay, limit);
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * The closest candidate when it is the only one at its distance: a suggestion safe enough to
     * apply without asking ({@code lint --fix}). Two equally close candidates make none.
     */
    public static Optional<String> unambiguous(String word, Collection<String> candidates) {
        Optional<String> best = closest(word, candidates);
        if (best.isEmpty()) {
            return best;
        }
        String needle = normalize(word);
        int limit = Math.max(2, needle.length() / 3);
        int bestDistance = distance(needle, normalize(best.get()), limit);
        for (String candidate : candidates) {
            if (!candidate.equals(best.get()) && distance(needle, normalize(candidate), limit) <= bestDistance) {
                return Optional.empty();
            }
        }
        return best;
    }

    public static Optional<String> hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean " + c + "?");
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Damerau-Levenshtein (optimal string alignment) distance, cut off above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[] prevPrev = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prevPrev[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
