package rapport.metrics.voice;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a brand reply is found by among its account's replies: its normalised text (METRICS.md §4, step 1),
 * that text's hash, and the hashes of its prefix grams. Grams are ordered by (hash, text), one order for all
 * replies, so two replies at Jaccard ≥ 0.8 share a gram in their prefixes and hence its hash: a hash
 * collision can only add a candidate, which is then verified on the texts. Hashes are tagged with the account
 * ({@code account << 32 | hash}) so one index serves every account.
 *
 * @param grams the number of distinct word 3-grams (0 below three words: then only equal texts match)
 */
record TemplateKeys(String normalised, long textKey, long[] prefix, int grams) {

    static TemplateKeys of(int accountId, String text) {
        String normalised = TemplateText.normalise(text);
        Set<String> grams = TemplateGroups.grams(normalised);
        List<String> ordered = grams.stream()
                .sorted(Comparator.comparingInt(String::hashCode).thenComparing(Comparator.naturalOrder()))
                .toList();
        long[] prefix = ordered.subList(0, grams.isEmpty() ? 0 : TemplateGroups.prefixLength(grams.size())).stream()
                .mapToLong(g -> tagged(accountId, g.hashCode())).distinct().toArray();
        return new TemplateKeys(normalised, tagged(accountId, normalised.hashCode()), prefix, grams.size());
    }

    private static long tagged(int accountId, int hash) {
        return (long) accountId << 32 | hash & 0xffffffffL;
    }

    /** Jaccard ≤ min/max: below 0.8 unless 5·min ≥ 4·max, which only equal texts escape (checked by the caller). */
    static boolean sizesAllow(int a, int b) {
        return 5L * Math.min(a, b) >= 4L * Math.max(a, b);
    }
}
