package rapport.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the dashboard reads figures. {@code smallSample} (RAPPORT_DASHBOARD_SMALL_SAMPLE, default 20): a ratio
 * or a response time over fewer cases than this is marked "small sample" and its change is not coloured as
 * better or worse — 3 of 3 people returning is not news (docs/dashboard.md).
 */
@ConfigurationProperties("rapport.dashboard")
public record DashboardSettings(@Bindable(defaultValue = "20") int smallSample) {
}
