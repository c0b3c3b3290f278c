package rapport.people;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.List;

/**
 * One page of the people table. {@code asOf}: the end of the window W (Monday 00:00 after the latest message's
 * week) the tiers and active weeks are computed at; {@code next}: the cursor of the following page, null on the last.
 */
@Introspected
public record PeoplePage(String scope, Instant asOf, Instant periodStart, Instant computedAt, String sort, String dir,
                         List<PersonRow> rows, String next) {
}
