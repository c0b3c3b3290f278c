package rapport.metrics.memory;

import rapport.metrics.voice.TemplateGroups;
import rapport.metrics.voice.TemplateText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The canned brand replies of a scope's in-memory messages: template groups (METRICS.md §4) per account. */
final class CannedReplies {

    private CannedReplies() {
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
        // normalising is the costly part (regular expressions) and independent per reply: use every core
        List<String> normalisedTexts = replies.parallelStream().map(i -> TemplateText.normalise(d.text[i])).toList();
        long[] addressed = new long[replies.size()];
        for (int k = 0; k < addressed.length; k++) {
            addressed[k] = d.person[d.parent[replies.get(k)]];
        }
        boolean[] template = TemplateGroups.templates(TemplateGroups.groups(normalisedTexts), addressed);
        for (int k = 0; k < template.length; k++) {
            canned[replies.get(k)] = template[k];
        }
    }
}
