package rapport.metrics;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/**
 * The parameters every metric view takes: {@code grain}, {@code from}, {@code to} (YYYY-MM-DD) and
 * {@code accounts} (network/handle, comma-separated; none means all).
 */
@Introspected
public record MetricQuery(@Nullable @QueryValue String grain, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to, @Nullable @QueryValue String accounts) {
}
