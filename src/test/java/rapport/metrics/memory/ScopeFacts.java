package rapport.metrics.memory;

import rapport.metrics.voice.PromotionalMessages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What every metric of one scope is computed from: the scope's messages plus the per-thread, per-turn,
 * per-reply and per-person facts derived from them once, whatever the periods asked for.
 */
public final class ScopeFacts {

    final ScopeData data;
    final ZoneId zone;
    final long slaMicros;
    final int[] root;
    /** Inbound turns sorted by start. */
    final List<Turn> turns;
    final long[] turnStarts;
    final boolean[] canned;
    final boolean[] promotional;
    /** Monday-based ISO week number of each message in the workspace time zone. */
    final long[] week;
    /** Per person, the times of their active messages, ascending: activeTimes[activeFrom[p] .. activeFrom[p+1]). */
    final int[] activeFrom;
    final long[] activeTimes;
    /** Per thread root, the times of its cross-party replies, ascending (same layout as activeTimes). */
    final int[] crossPartyFrom;
    final long[] crossPartyTimes;
    final Map<Integer, List<FollowerSnapshot>> followersByAccount;
    final List<SurveyAnswer> surveys;

    ScopeFacts(ScopeData data, ZoneId zone, int slaHours, Map<Integer, List<FollowerSnapshot>> followersByAccount,
               List<SurveyAnswer> surveys) {
        this.data = data;
        this.zone = zone;
        this.slaMicros = slaHours * 3_600_000_000L;
        this.root = Threads.roots(data);
        this.turns = Threads.turns(data, Threads.members(data, root));
        this.turns.sort(Comparator.comparingLong(Turn::startMicros));
        this.turnStarts = turns.stream().mapToLong(Turn::startMicros).toArray();
        // template groups take as long as everything else together, and need nothing else: run them beside it
        java.util.concurrent.CompletableFuture<boolean[]> cannedReplies =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> CannedReplies.canned(data));
        this.promotional = promotional(data);
        this.week = weeks(data, zone);
        this.activeFrom = new int[data.persons + 1];
        this.activeTimes = groupedTimes(data, data.persons, activeFrom, i -> data.isActive(i) ? data.person[i] : -1);
        this.crossPartyFrom = new int[data.size + 1];
        this.crossPartyTimes = groupedTimes(data, data.size, crossPartyFrom, i -> data.isCrossPartyReply(i) ? root[i] : -1);
        this.followersByAccount = followersByAccount;
        this.surveys = surveys;
        this.canned = cannedReplies.join();
    }

    /** Each message's thread root, by message id: what the thread facts are checked against. */
    public Map<String, String> rootMessageIds() {
        Map<String, String> roots = new java.util.HashMap<>();
        for (int i = 0; i < data.size; i++) {
            roots.put(data.messageId[i], data.messageId[root[i]]);
        }
        return roots;
    }

    private static boolean promotional(String text, ScopeAccount account) {
        return PromotionalMessages.isPromotional(text, account.promoPhrases(), account.ownDomains());
    }

    private static boolean[] promotional(ScopeData d) {
        Map<Integer, ScopeAccount> accounts = new java.util.HashMap<>();
        d.accounts.forEach(a -> accounts.put(a.id(), a));
        boolean[] promotional = new boolean[d.size];
        for (int i = 0; i < d.size; i++) {
            if (d.isBrandPost(i)) {
                promotional[i] = promotional(d.text[i], accounts.get(d.accountId[i]));
            }
        }
        return promotional;
    }

    private static long[] weeks(ScopeData d, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        long[] week = new long[d.size];
        for (int i = 0; i < d.size; i++) {
            long seconds = Math.floorDiv(d.createdMicros[i], 1_000_000L);
            long local = seconds + rules.getOffset(java.time.Instant.ofEpochSecond(seconds)).getTotalSeconds();
            long epochDay = Math.floorDiv(local, 86_400L);
            // 1970-01-05 was a Monday
            week[i] = Math.floorDiv(epochDay - 4, 7);
        }
        return week;
    }

    /**
     * Message times grouped by a key (a person, a thread root), ascending within each group:
     * group g holds times[from[g] .. from[g + 1]). Messages whose key is -1 are left out.
     */
    private static long[] groupedTimes(ScopeData d, int groups, int[] from, java.util.function.IntUnaryOperator keyOf) {
        for (int i = 0; i < d.size; i++) {
            int key = keyOf.applyAsInt(i);
            if (key >= 0) {
                from[key + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            from[g + 1] += from[g];
        }
        int[] next = java.util.Arrays.copyOf(from, groups);
        long[] times = new long[from[groups]];
        for (int i = 0; i < d.size; i++) {
            int key = keyOf.applyAsInt(i);
            if (key >= 0) {
                times[next[key]++] = d.createdMicros[i];
            }
        }
        return times;
    }

    /** First position in group g's times at or after the instant. */
    private static int firstAtOrAfter(long[] times, int lo, int hi, long micros) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the person has an active message in [fromMicros, toMicros). */
    boolean activeBetween(int person, long fromMicros, long toMicros) {
        int at = firstAtOrAfter(activeTimes, activeFrom[person], activeFrom[person + 1], fromMicros);
        return at < activeFrom[person + 1] && activeTimes[at] < toMicros;
    }

    /** Cross-party replies of the thread created before the instant. */
    int crossPartyRepliesBefore(int root, long micros) {
        return firstAtOrAfter(crossPartyTimes, crossPartyFrom[root], crossPartyFrom[root + 1], micros) - crossPartyFrom[root];
    }

    /** Time of the person's first active message, or Long.MAX_VALUE. */
    long firstActive(int person) {
        return activeFrom[person] < activeFrom[person + 1] ? activeTimes[activeFrom[person]] : Long.MAX_VALUE;
    }

    record FollowerSnapshot(LocalDate day, long followers) {
    }

    record SurveyAnswer(int person, LocalDate day, int score) {
    }
}
