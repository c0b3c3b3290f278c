package rapport.system;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Workspace settings; each can be set by environment (RAPPORT_TIME_ZONE, RAPPORT_SLA_HOURS, RAPPORT_DEMO). */
@ConfigurationProperties("rapport")
public record RapportSettings(String timeZone, int slaHours, boolean demo) {

    /** A zone that cannot be used stops the start with what to write instead, rather than failing requests later. */
    public RapportSettings {
        zoneOf(timeZone);
    }

    public ZoneId zone() {
        return zoneOf(timeZone);
    }

    /**
     * The workspace zone. An offset written as a zone ("UTC+5", "+05:30") is refused: PostgreSQL, which cuts the
     * person and account days in the same zone, reads such a name with the POSIX sign (positive west of UTC), so
     * the days would be cut hours away from the periods. Region names and the tz database's fixed zones
     * ("Etc/GMT-5" is UTC+05:00 in both) mean the same to both.
     */
    private static ZoneId zoneOf(String id) {
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("RAPPORT_TIME_ZONE: '" + id + "' is not a time zone; use a region such as Europe/Paris", e);
        }
        boolean offset = zone instanceof ZoneOffset o ? o.getTotalSeconds() != 0 : zone.getId().matches("(UTC|GMT|UT)[+-].*");
        if (offset) {
            throw new IllegalArgumentException("RAPPORT_TIME_ZONE: '" + id + "' is an offset, which the database reads with the"
                    + " opposite sign; use a region such as Asia/Kolkata, or for a fixed offset the tz database's name"
                    + " (Etc/GMT-5 is UTC+05:00)");
        }
        return zone;
    }
}
