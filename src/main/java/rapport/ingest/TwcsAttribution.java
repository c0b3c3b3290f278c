package rapport.ingest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps twcs tweets to messages and gives each customer tweet the account it belongs to (METRICS.md §7):
 * the author of the earliest brand tweet of its thread, else the first @handle naming a brand, else none.
 */
final class TwcsAttribution {

    private static final Pattern HANDLE = Pattern.compile("@([A-Za-z0-9_]+)");
    private static final Comparator<TwcsTweet> EARLIEST =
            Comparator.comparing(TwcsTweet::createdAt).thenComparing(TwcsTweet::tweetId);

    private final Map<String, TwcsTweet> byId = new HashMap<>();
    private final Map<String, String> rootOf = new HashMap<>();
    private final Map<String, TwcsTweet> earliestBrandTweetOfRoot = new HashMap<>();
    private final Map<String, String> brandByLowerHandle = new HashMap<>();

    TwcsAttribution(List<TwcsTweet> tweets) {
        for (TwcsTweet tweet : tweets) {
            byId.put(tweet.tweetId(), tweet);
            if (tweet.fromBrand()) {
                brandByLowerHandle.putIfAbsent(tweet.authorId().toLowerCase(Locale.ROOT), tweet.authorId());
            }
        }
        for (TwcsTweet tweet : tweets) {
            if (tweet.fromBrand()) {
                earliestBrandTweetOfRoot.merge(root(tweet.tweetId()), tweet,
                        (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
            }
        }
    }

    /** Emits each tweet as a message, or reports it unattributed. */
    void map(List<TwcsTweet> tweets, Consumer<MessageRow> messages, Consumer<RejectedRow> unattributed, Map<Long, Supplier<String>> rawByLine) {
        for (TwcsTweet tweet : tweets) {
            String account = tweet.fromBrand() ? tweet.authorId() : accountOf(tweet);
            if (account == null) {
                unattributed.accept(new RejectedRow(tweet.line(), "account",
                        "unattributed: no brand tweet in its thread and no @handle naming a brand", true,
                        rawByLine.get(tweet.line()).get()));
                continue;
            }
            String kind = tweet.fromBrand()
                    ? (tweet.parentId() != null ? "reply" : "post")
                    : (tweet.parentId() != null ? "reply" : "mention");
            messages.accept(new MessageRow(tweet.line(), "x", account, tweet.tweetId(), tweet.authorId(),
                    tweet.authorId(), tweet.fromBrand(), kind, tweet.createdAt(), tweet.parentId(), tweet.text()));
        }
    }

    private String accountOf(TwcsTweet tweet) {
        TwcsTweet brandTweet = earliestBrandTweetOfRoot.get(root(tweet.tweetId()));
        if (brandTweet != null) {
            return brandTweet.authorId();
        }
        Matcher handle = HANDLE.matcher(tweet.text());
        while (handle.find()) {
            String brand = brandByLowerHandle.get(handle.group(1).toLowerCase(Locale.ROOT));
            if (brand != null) {
                return brand;
            }
        }
        return null;
    }

    /** Follows parents within the file up to the first tweet whose parent is absent; cycles stop where they close. */
    private String root(String tweetId) {
        String cached = rootOf.get(tweetId);
        if (cached != null) {
            return cached;
        }
        Set<String> path = new HashSet<>();
        String current = tweetId;
        while (true) {
            String known = rootOf.get(current);
            if (known != null) {
                current = known;
                break;
            }
            path.add(current);
            String parent = byId.get(current).parentId();
            if (parent == null || !byId.containsKey(parent) || path.contains(parent)) {
                break;
            }
            current = parent;
        }
        for (String member : path) {
            rootOf.put(member, current);
        }
        return current;
    }
}
