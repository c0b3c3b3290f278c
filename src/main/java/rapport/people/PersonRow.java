package rapport.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One person in the people table; the JSON keys are the column keys of the URL and the CSV. Totals are over
 * every message of the person in the scope; active weeks and tiers over the window W ending at {@code as_of}.
 */
@Introspected
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonRow(String network, String handle, String authorId, String accounts, Instant firstSeen,
                        Instant lastSeen, int activeWeeks, long messages, long conversations, long inboundTurns,
                        long answeredTurns, Double medianResponseMinutes, long amplifications, long reactions,
                        String tier, @JsonProperty("tier_90_days_ago") String tier90DaysAgo, Integer latestNps,
                        Instant waitingSince) {

    static final List<String> HEADER = List.of("network", "handle", "author_id", "accounts", "first_seen", "last_seen",
            "active_weeks", "messages", "conversations", "inbound_turns", "answered_turns", "median_response_minutes",
            "amplifications", "reactions", "tier", "tier_90_days_ago", "latest_nps", "waiting_since");

    /** The cells in {@link #HEADER}'s order: text as text, numbers as numbers. */
    List<?> cells() {
        return Arrays.asList(network, handle, authorId, accounts, firstSeen, lastSeen, activeWeeks, messages, conversations,
                inboundTurns, answeredTurns, medianResponseMinutes, amplifications, reactions, tier, tier90DaysAgo, latestNps,
                waitingSince);
    }
}
