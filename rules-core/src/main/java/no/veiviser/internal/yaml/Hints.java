package no.veiviser.internal.yaml;

import java.util.Collection;
import java.util.Locale;

/** "did you mean ...?" hints from edit distance. */
public final class Hints {
    private Hints() {}

    /** The candidate closest to {@code input}, or null when none is close enough to be a likely typo. */
    public static String closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String needle = input.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, needle.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** How many allowed values a hint lists before it gives the count of the rest. */
    static final int LISTED = 10;

    /**
     * "did you mean 'x'?" or, without a close candidate, what is allowed: all of it when there are at most
     * {@value #LISTED} values, else the first {@value #LISTED} in alphabetical order and how many there are. The hint
     * itself says what is allowed, rather than pointing at a file the reader may not have.
     */
    public static String didYouMean(String input, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "the guide declares none";
        }
        String best = closest(input, candidates);
        if (best != null) {
            return "did you mean '" + best + "'?";
        }
        java.util.List<String> sorted = candidates.stream().sorted().toList();
        if (sorted.size() <= LISTED) {
            return "expected one of: " + String.join(", ", sorted);
        }
        return "expected one of " + sorted.size() + ": " + String.join(", ", sorted.subList(0, LISTED)) + ", … ("
                + (sorted.size() - LISTED) + " more)";
    }

    /** As {@link #didYouMean(String, Collection)}, with {@code fallback} when there are too many candidates to list. */
    public static String didYouMean(String input, Collection<String> candidates, String fallback) {
        if (candidates.isEmpty()) {
            return "the guide declares none";
        }
        String best = closest(input, candidates);
        if (best != null) {
            return "did you mean '" + best + "'?";
        }
        if (candidates.size() <= 12) {
            return "expected one of: " + String.join(", ", candidates.stream().sorted().toList());
        }
        return fallback;
    }

    static int distance(String a, String b) {
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
