package rapport.metrics.memory;

import java.util.List;
import java.util.Map;

/**
 * The messages of the accounts in scope, sorted by created_at then message_id (as text), as parallel
 * arrays. Only messages in scope are visible (METRICS.md §3, scope): a parent outside the scope is absent.
 */
final class ScopeData {

    final int size;
    final String[] messageId;
    final int[] accountId;
    /** Dense person index, or -1 for brand messages. */
    final int[] person;
    final boolean[] fromBrand;
    final MessageKind[] kind;
    final long[] createdMicros;
    /** Index of the parent in these arrays, or -1 when it is absent from the scope. */
    final int[] parent;
    final boolean[] hasReplyTo;
    /** Text of brand messages; null for persons' messages. */
    final String[] text;
    final int persons;
    /** Dense person index by the person's database id. */
    final Map<Long, Integer> personIndexById;
    final List<ScopeAccount> accounts;

    ScopeData(int size, String[] messageId, int[] accountId, int[] person, boolean[] fromBrand, MessageKind[] kind,
              long[] createdMicros, int[] parent, boolean[] hasReplyTo, String[] text, Map<Long, Integer> personIndexById,
              List<ScopeAccount> accounts) {
        this.size = size;
        this.messageId = messageId;
        this.accountId = accountId;
        this.person = person;
        this.fromBrand = fromBrand;
        this.kind = kind;
        this.createdMicros = createdMicros;
        this.parent = parent;
        this.hasReplyTo = hasReplyTo;
        this.text = text;
        this.persons = personIndexById.size();
        this.personIndexById = personIndexById;
        this.accounts = accounts;
    }

    /** A person's message that is not a reaction (METRICS.md §3). */
    boolean isActive(int i) {
        return !fromBrand[i] && kind[i] != MessageKind.REACTION;
    }

    /** Not a share or reaction, its parent is in scope and was written by the other party. */
    boolean isCrossPartyReply(int i) {
        int p = parent[i];
        return p >= 0 && !kind[i].isShareOrReaction() && fromBrand[i] != fromBrand[p];
    }

    /** A brand message, not a share or reaction, whose parent is in scope and was written by a person. */
    boolean isBrandReply(int i) {
        int p = parent[i];
        return fromBrand[i] && p >= 0 && !kind[i].isShareOrReaction() && !fromBrand[p];
    }

    /** A brand message with an empty in_reply_to: a post, in the denominators of §4. */
    boolean isBrandPost(int i) {
        return fromBrand[i] && !hasReplyTo[i];
    }

    /** First index whose created_at is at or after the instant. */
    int firstAtOrAfter(long micros) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (createdMicros[mid] < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
