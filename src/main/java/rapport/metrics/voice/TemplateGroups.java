package rapport.metrics.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canned replies (METRICS.md §4, template groups): brand replies of one account are near-duplicates when
 * the Jaccard similarity of their word 3-gram sets is ≥ 0.8 (shorter texts: equal normalised text); a
 * connected group of ≥ 3 replies addressed to ≥ 3 distinct persons is a template.
 *
 * <p>All pairs at ≥ 0.8 are found exactly, without comparing every pair: identical gram sets are merged
 * first, then a prefix-filtered similarity join (two sets at ≥ 0.8 must share a token among the rarest
 * |x| − ⌈0.8|x|⌉ + 1 of each) proposes candidates that are verified in integer arithmetic.
 */
public final class TemplateGroups {

    private TemplateGroups() {
    }

    /**
     * The connected groups of near-duplicates among one account's normalised reply texts: replies k and j are
     * in the same group exactly when {@code groups[k] == groups[j]}.
     */
    public static int[] groups(List<String> normalisedTexts) {
        int n = normalisedTexts.size();
        UnionFind groups = new UnionFind(n);
        Map<String, Integer> firstWithText = new HashMap<>();
        Map<String, Integer> gramIds = new HashMap<>();
        Map<IntArrayKey, Integer> firstWithGrams = new HashMap<>();
        List<int[]> uniqueSets = new ArrayList<>();
        List<Integer> uniqueOwner = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String normalised = normalisedTexts.get(k);
            Integer same = firstWithText.putIfAbsent(normalised, k);
            if (same != null) {
                groups.union(same, k);
                continue;
            }
            List<String> words = TemplateText.words(normalised);
            if (words.size() < 3) {
                continue;
            }
            int[] grams = gramSet(words, gramIds);
            Integer sameGrams = firstWithGrams.putIfAbsent(new IntArrayKey(grams), k);
            if (sameGrams != null) {
                groups.union(sameGrams, k);
            } else {
                uniqueSets.add(grams);
                uniqueOwner.add(k);
            }
        }
        similarityJoin(uniqueSets, uniqueOwner, gramIds.size(), groups);
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = groups.find(k);
        }
        return labels;
    }

    /** Whether each reply is canned: its group holds ≥ 3 replies addressed to ≥ 3 distinct persons. */
    public static boolean[] templates(int[] groups, long[] addressed) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int k = 0; k < groups.length; k++) {
            members.computeIfAbsent(groups[k], r -> new ArrayList<>()).add(k);
        }
        boolean[] template = new boolean[groups.length];
        for (List<Integer> group : members.values()) {
            if (group.size() < 3) {
                continue;
            }
            Set<Long> persons = new HashSet<>();
            for (int k : group) {
                persons.add(addressed[k]);
            }
            if (persons.size() >= 3) {
                for (int k : group) {
                    template[k] = true;
                }
            }
        }
        return template;
    }

    /**
     * Step 2 for one pair of normalised texts: equal, or both of at least three words with word 3-gram sets
     * at Jaccard similarity ≥ 0.8.
     */
    public static boolean nearDuplicates(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        List<String> wordsA = TemplateText.words(a);
        List<String> wordsB = TemplateText.words(b);
        if (wordsA.size() < 3 || wordsB.size() < 3) {
            return false;
        }
        Map<String, Integer> gramIds = new HashMap<>();
        return similarEnough(gramSet(wordsA, gramIds), gramSet(wordsB, gramIds));
    }

    private static int[] gramSet(List<String> words, Map<String, Integer> gramIds) {
        Set<Integer> set = new HashSet<>();
        for (int w = 0; w + 2 < words.size(); w++) {
            String gram = words.get(w) + ' ' + words.get(w + 1) + ' ' + words.get(w + 2);
            set.add(gramIds.computeIfAbsent(gram, g -> gramIds.size()));
        }
        return set.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static void similarityJoin(List<int[]> sets, List<Integer> owner, int gramCount, UnionFind groups) {
        int[] frequency = new int[gramCount];
        for (int[] set : sets) {
            for (int g : set) {
                frequency[g]++;
            }
        }
        // re-order each set rarest gram first, so prefixes hold the most selective grams
        List<int[]> ordered = new ArrayList<>(sets.size());
        for (int[] set : sets) {
            Integer[] boxed = Arrays.stream(set).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, b) -> frequency[a] != frequency[b] ? Integer.compare(frequency[a], frequency[b]) : Integer.compare(a, b));
            ordered.add(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        }
        Integer[] bySize = new Integer[sets.size()];
        for (int i = 0; i < bySize.length; i++) {
            bySize[i] = i;
        }
        Arrays.sort(bySize, (a, b) -> Integer.compare(sets.get(a).length, sets.get(b).length));
        Map<Integer, List<Integer>> index = new HashMap<>();
        for (int y : bySize) {
            int[] ys = ordered.get(y);
            int minSize = (4 * ys.length + 4) / 5;
            Set<Integer> candidates = new HashSet<>();
            for (int p = 0; p < prefixLength(ys.length); p++) {
                List<Integer> posting = index.computeIfAbsent(ys[p], g -> new ArrayList<>());
                for (int x : posting) {
                    if (sets.get(x).length >= minSize) {
                        candidates.add(x);
                    }
                }
                posting.add(y);
            }
            for (int x : candidates) {
                if (similarEnough(sets.get(x), sets.get(y))) {
                    groups.union(owner.get(x), owner.get(y));
                }
            }
        }
    }

    /**
     * The distinct word 3-grams of a normalised text ("w1 w2 w3"); none for texts of fewer than three words,
     * which are near-duplicates only of equal texts.
     */
    public static Set<String> grams(String normalised) {
        List<String> words = TemplateText.words(normalised);
        Set<String> grams = new HashSet<>();
        for (int w = 0; w + 2 < words.size(); w++) {
            grams.add(words.get(w) + ' ' + words.get(w + 1) + ' ' + words.get(w + 2));
        }
        return grams;
    }

    /**
     * |x| − ⌈0.8·|x|⌉ + 1: two gram sets at Jaccard ≥ 0.8 share a gram among the first this many of each, in
     * any one order of all grams (the prefix filter).
     */
    public static int prefixLength(int size) {
        return size - (4 * size + 4) / 5 + 1;
    }

    /** Jaccard ≥ 0.8 ⇔ 5·|x ∩ y| ≥ 4·|x ∪ y|, on sorted sets. */
    private static boolean similarEnough(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = x.length + y.length - common;
        return 5L * common >= 4L * union;
    }

    private record IntArrayKey(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IntArrayKey other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** Connected groups of 0 … n−1 as pairs are joined (union-find with path halving). */
    public static final class UnionFind {
        private final int[] parent;

        public UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        public int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        public void union(int a, int b) {
            parent[find(a)] = find(b);
        }
    }
}
