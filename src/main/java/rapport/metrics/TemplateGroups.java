package rapport.metrics;

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
final class TemplateGroups {

    private TemplateGroups() {
    }

    /** Marks the canned brand replies of the scope, account by account. */
    static boolean[] canned(ScopeData d) {
        boolean[] canned = new boolean[d.size];
        Map<Integer, List<Integer>> repliesByAccount = new HashMap<>();
        for (int i = 0; i < d.size; i++) {
            if (d.isBrandReply(i)) {
                repliesByAccount.computeIfAbsent(d.accountId[i], a -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> replies : repliesByAccount.values()) {
            markTemplates(d, replies, canned);
        }
        return canned;
    }

    private static void markTemplates(ScopeData d, List<Integer> replies, boolean[] canned) {
        int n = replies.size();
        UnionFind groups = new UnionFind(n);
        Map<String, Integer> firstWithText = new HashMap<>();
        Map<String, Integer> gramIds = new HashMap<>();
        Map<IntArrayKey, Integer> firstWithGrams = new HashMap<>();
        List<int[]> uniqueSets = new ArrayList<>();
        List<Integer> uniqueOwner = new ArrayList<>();
        // normalising is the costly part (regular expressions) and independent per reply: use every core
        String[] normalisedTexts = replies.parallelStream().map(i -> TemplateText.normalise(d.text[i])).toArray(String[]::new);
        for (int k = 0; k < n; k++) {
            String normalised = normalisedTexts[k];
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
        markQualifyingGroups(d, replies, groups, canned);
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

    /** |x| − ⌈0.8·|x|⌉ + 1 */
    private static int prefixLength(int size) {
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

    private static void markQualifyingGroups(ScopeData d, List<Integer> replies, UnionFind groups, boolean[] canned) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int k = 0; k < replies.size(); k++) {
            members.computeIfAbsent(groups.find(k), r -> new ArrayList<>()).add(k);
        }
        for (List<Integer> group : members.values()) {
            if (group.size() < 3) {
                continue;
            }
            Set<Integer> addressed = new HashSet<>();
            for (int k : group) {
                addressed.add(d.person[d.parent[replies.get(k)]]);
            }
            if (addressed.size() >= 3) {
                for (int k : group) {
                    canned[replies.get(k)] = true;
                }
            }
        }
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

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            parent[find(a)] = find(b);
        }
    }
}
