package rapport.system;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.ZoneId;

/** Workspace settings; each can be set by environment (RAPPORT_TIME_ZONE, RAPPORT_SLA_HOURS, RAPPORT_DEMO). */
@ConfigurationProperties("rapport")
public record RapportSettings(String timeZone, int slaHours, boolean demo) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
