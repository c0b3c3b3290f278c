package rapport.people;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;

/** The people table's parameters, all kept in the page's URL. */
@Introspected
public record PeopleQuery(
        @Nullable @QueryValue @Parameter(description = "one account (network/handle): figures over its messages only; none means all accounts", example = "x/AmazonHelp") String accounts,
        @Nullable @QueryValue @Parameter(description = "only persons of this network", example = "x") String network,
        @Nullable @QueryValue @Parameter(description = "tiers at the window's end, comma-separated: advocate, regular, participant, lapsed, none", example = "advocate,regular") String tier,
        @Nullable @QueryValue @Parameter(description = "only persons with a message on or after this day (YYYY-MM-DD, workspace time zone)", example = "2026-01-01") String activeSince,
        @Nullable @QueryValue @Parameter(description = "text the handle contains (case-insensitive)", example = "anna") String q,
        @Nullable @QueryValue @Parameter(description = "a question: advocates, drifting (regular or advocate 90 days ago, now participant or lapsed), waiting (latest turn unanswered, oldest first), new (first active message in the window's last week)", example = "drifting") String preset,
        @Nullable @QueryValue @Parameter(description = "column to sort on (any column key); default last_seen, or the preset's", example = "messages") String sort,
        @Nullable @QueryValue @Parameter(description = "asc or desc", example = "desc") String dir,
        @Nullable @QueryValue @Parameter(description = "the `next` cursor of the previous page", example = "MjAxNy0xMC0zMSAyMjoxMDo0NyswMAoxMjM") String after,
        @Nullable @QueryValue @Parameter(description = "rows per page, 1–500 (default 50)", example = "50") Integer limit) {
}
