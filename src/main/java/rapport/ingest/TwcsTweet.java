package rapport.ingest;

import rapport.ingest.source.SourceRow;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** One row of the Customer Support on Twitter export, validated (METRICS.md §7). */
record TwcsTweet(long line, String tweetId, String authorId, boolean inbound, OffsetDateTime createdAt,
                 String text, String parentId) {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.ENGLISH);

    static TwcsTweet parse(SourceRow row) throws RowRejected {
        row.checkWellFormed();
        String text = row.optional("text");
        return new TwcsTweet(row.line(),
                id(row, "tweet_id", row.required("tweet_id")),
                row.required("author_id").strip(),
                inbound(row),
                createdAt(row),
                text == null ? "" : text,
                row.optional("in_response_to_tweet_id") == null ? null
                        : id(row, "in_response_to_tweet_id", row.optional("in_response_to_tweet_id")));
    }

    boolean fromBrand() {
        return !inbound;
    }

    /** Copies in the wild write ids as floats ({@code 123.0}); both spellings name the same tweet. */
    private static String id(SourceRow row, String column, String value) throws RowRejected {
        String id = value.strip();
        if (id.endsWith(".0")) {
            id = id.substring(0, id.length() - 2);
        }
        if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
            throw new RowRejected(column, column + " must be a tweet id, not '" + value + "'");
        }
        return id;
    }

    private static boolean inbound(SourceRow row) throws RowRejected {
        String value = row.required("inbound").strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new RowRejected("inbound", "inbound must be True or False, not '" + value + "'");
    }

    private static OffsetDateTime createdAt(SourceRow row) throws RowRejected {
        String value = row.required("created_at").strip();
        try {
            return FieldParsers.storable(OffsetDateTime.parse(value, CREATED_AT), value, "created_at");
        } catch (DateTimeParseException e) {
            throw new RowRejected("created_at", "bad date '" + value + "': expected e.g. Tue Oct 31 22:10:47 +0000 2017");
        }
    }
}
