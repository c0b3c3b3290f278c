package rapport.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import rapport.accounts.AccountDirectory;
import rapport.security.Role;
import rapport.system.RapportSettings;

/** The people table: a page at a time, or whole as CSV or NDJSON. Analysts. */
@Controller("/api")
@Secured(Role.ANALYST_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "people")
class PeopleController {

    private final PeopleQueries queries;
    private final PeopleExport export;
    private final PersonProfiles profiles;
    private final AccountDirectory accounts;
    private final RapportSettings settings;

    PeopleController(PeopleQueries queries, PeopleExport export, PersonProfiles profiles, AccountDirectory accounts,
                     RapportSettings settings) {
        this.queries = queries;
        this.export = export;
        this.profiles = profiles;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Get("/people")
    @Operation(summary = "The people table, one page",
            description = "One row per person with messages in the scope: totals over their messages, active weeks and tier at the end of the "
                    + "90-day window W ending at `asOf` (Monday 00:00 after the latest message's week), tier 90 days earlier, latest NPS answer. "
                    + "Filters, sort on any column, keyset pages: pass `next` as `after` for the following page.")
    @ApiResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"scope":"all","asOf":"2026-03-30T00:00:00Z","periodStart":"2026-03-23T00:00:00Z","computedAt":"2026-03-25T10:00:02Z","sort":"last_seen","dir":"desc",
             "rows":[{"network":"x","handle":"anna","author_id":"115712","accounts":"x/AcmeSupport","first_seen":"2025-11-02T09:12:00Z",
             "last_seen":"2026-03-24T17:01:00Z","active_weeks":4,"messages":17,"conversations":3,"inbound_turns":5,"answered_turns":4,
             "median_response_minutes":42.5,"amplifications":2,"reactions":6,"tier":"advocate","tier_90_days_ago":"regular","latest_nps":9,
             "waiting_since":null}],"next":"MjAyNi0wMy0yNCAxNzowMTowMCswMAo0Mg"}""")))
    PeoplePage page(@RequestBean PeopleQuery query) {
        return queries.page(PeopleSelection.of(query, accounts, settings.zone(), true));
    }

    @Get("/people/profile")
    @Operation(summary = "One person's profile",
            description = "Their totals in the scope (a row of /api/people), their latest threads with the brand (every message with time, kind and "
                    + "account; the brand's replies in place, canned ones marked; on the first message of each answered inbound turn the minutes to "
                    + "the answer), their tier at the end of each of the last 26 weeks, and their survey answers. Texts and handles are data, never markup.")
    @ApiResponse(responseCode = "200", description = "the profile", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"network":"x","authorId":"115712","handle":"anna","scope":"all","asOf":"2026-03-30T00:00:00Z","totals":{"messages":17},
             "threads":[{"rootMessageId":"m1","messages":[{"messageId":"m1","createdAt":"2026-01-05T10:00:00Z","kind":"mention","account":"x/AcmeSupport",
             "fromBrand":false,"own":true,"authorHandle":"anna","text":"@AcmeSupport my order is late","opensTurn":true,"responseMinutes":35.0,"canned":false}]}],
             "tierHistory":[{"weekEnd":"2026-03-30T00:00:00Z","tier":"regular"}],"surveys":[{"day":"2026-02-10","score":9}]}""")))
    PersonProfile profile(@QueryValue @Parameter(description = "the person's network", example = "x") String network,
                          @QueryValue("author_id") @Parameter(name = "author_id", description = "the person's author id on that network", example = "115712") String authorId,
                          @Nullable @QueryValue @Parameter(description = "one account (network/handle); none means all", example = "x/AmazonHelp") String accounts) {
        PeopleQuery scope = new PeopleQuery(accounts, null, null, null, null, null, null, null, null, null);
        return profiles.profile(network, authorId, PeopleSelection.of(scope, this.accounts, settings.zone(), false));
    }

    @Get(value = "/people.csv", produces = "text/csv")
    @Operation(summary = "The whole people table as CSV",
            description = "Every row of the selection (same filters and sort as /api/people; no pages), streamed from one snapshot. "
                    + "Text cells starting with = + - @ are prefixed with '.")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", examples = @ExampleObject(value = """
            network,handle,author_id,accounts,first_seen,last_seen,active_weeks,messages,conversations,inbound_turns,answered_turns,median_response_minutes,amplifications,reactions,tier,tier_90_days_ago,latest_nps,waiting_since
            x,anna,115712,x/AcmeSupport,2025-11-02T09:12:00Z,2026-03-24T17:01:00Z,4,17,3,5,4,42.5,2,6,advocate,regular,9,
            """)))
    StreamedFile csv(@RequestBean PeopleQuery query) {
        return export.file(PeopleSelection.of(query, accounts, settings.zone(), false), PeopleExport.Format.CSV);
    }

    @Get(value = "/people.ndjson", produces = "application/x-ndjson")
    @Operation(summary = "The whole people table as NDJSON",
            description = "The rows of /api/people.csv as JSON objects, one a line, with the keys of /api/people's rows.")
    @ApiResponse(responseCode = "200", description = "one JSON object a line", content = @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(value = """
            {"network":"x","handle":"anna","author_id":"115712","accounts":"x/AcmeSupport","first_seen":"2025-11-02T09:12:00Z","last_seen":"2026-03-24T17:01:00Z","active_weeks":4,"messages":17,"conversations":3,"inbound_turns":5,"answered_turns":4,"median_response_minutes":42.5,"amplifications":2,"reactions":6,"tier":"advocate","tier_90_days_ago":"regular","latest_nps":9,"waiting_since":null}
            """)))
    StreamedFile ndjson(@RequestBean PeopleQuery query) {
        return export.file(PeopleSelection.of(query, accounts, settings.zone(), false), PeopleExport.Format.NDJSON);
    }
}
