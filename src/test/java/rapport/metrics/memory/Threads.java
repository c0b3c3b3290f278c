package rapport.metrics.memory;

import java.util.ArrayList;
import java.util.List;

/** Thread roots and inbound turns of a scope (METRICS.md §1 thread, §3 inbound turn). */
final class Threads {

    private Threads() {
    }

    /**
     * Each message's root: follow visible parents up to the first message whose parent is absent.
     * A cycle of in_reply_to (bad data) is cut where the walk meets itself: that message is the root.
     */
    static int[] roots(ScopeData d) {
        int[] root = new int[d.size];
        java.util.Arrays.fill(root, -1);
        int[] onPath = new int[d.size];
        int[] path = new int[d.size];
        int walk = 0;
        for (int i = 0; i < d.size; i++) {
            if (root[i] >= 0) {
                continue;
            }
            walk++;
            int length = 0;
            int current = i;
            int found;
            while (true) {
                if (root[current] >= 0) {
                    found = root[current];
                    break;
                }
                onPath[current] = walk;
                path[length++] = current;
                int p = d.parent[current];
                if (p < 0 || onPath[p] == walk) {
                    found = current;
                    break;
                }
                current = p;
            }
            for (int k = 0; k < length; k++) {
                root[path[k]] = found;
            }
        }
        return root;
    }

    /** Messages of each thread in scope order (created_at, then message_id), keyed by the root's index. */
    static int[][] members(ScopeData d, int[] root) {
        int[] count = new int[d.size];
        for (int i = 0; i < d.size; i++) {
            count[root[i]]++;
        }
        int[][] members = new int[d.size][];
        for (int i = 0; i < d.size; i++) {
            if (count[i] > 0) {
                members[i] = new int[count[i]];
                count[i] = 0;
            }
        }
        for (int i = 0; i < d.size; i++) {
            int r = root[i];
            members[r][count[r]++] = i;
        }
        return members;
    }

    /**
     * Inbound turns, in no particular order. Shares and reactions neither open, extend, end nor answer a
     * turn; the first brand message after a turn answers and ends it.
     */
    static List<Turn> turns(ScopeData d, int[][] members) {
        List<Turn> turns = new ArrayList<>();
        for (int[] thread : members) {
            if (thread == null) {
                continue;
            }
            int opener = -1;
            for (int i : thread) {
                if (d.kind[i].isShareOrReaction()) {
                    continue;
                }
                if (!d.fromBrand[i]) {
                    if (opener < 0) {
                        opener = i;
                    }
                } else if (opener >= 0) {
                    turns.add(new Turn(d.person[opener], d.createdMicros[opener], d.createdMicros[i] - d.createdMicros[opener]));
                    opener = -1;
                }
            }
            if (opener >= 0) {
                turns.add(new Turn(d.person[opener], d.createdMicros[opener], -1));
            }
        }
        return turns;
    }
}
