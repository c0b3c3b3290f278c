package rapport.system;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace time zone (METRICS.md §2) is one both the application and PostgreSQL read alike: an offset
 * written as a zone, which PostgreSQL reads with the opposite sign, is refused with what to write instead.
 */
class TimeZoneSettingTest {

    @Test
    void regionsAndTheTzDatabasesFixedZones_areTaken() {
        assertEquals("Asia/Kathmandu", new RapportSettings("Asia/Kathmandu", 24, false).zone().getId());
        assertEquals("UTC", new RapportSettings("UTC", 24, false).zone().getId());
        // Etc/GMT-5 is UTC+05:00 in the tz database, in Java and in PostgreSQL alike
        assertEquals(ZoneOffset.ofHours(5),
                new RapportSettings("Etc/GMT-5", 24, false).zone().getRules().getOffset(java.time.Instant.EPOCH));
    }

    @Test
    void anOffsetWrittenAsAZone_isRefusedNamingTheSettingAndWhatToWrite() {
        for (String offset : new String[]{"UTC+5", "GMT-03:00", "+05:30"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RapportSettings(offset, 24, false));
            assertTrue(e.getMessage().startsWith("RAPPORT_TIME_ZONE: '" + offset + "' is an offset"), e.getMessage());
            assertTrue(e.getMessage().contains("Etc/GMT-5"), e.getMessage());
        }
    }

    @Test
    void aNameThatIsNoZone_isRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RapportSettings("Mars/Base", 24, false));
        assertTrue(e.getMessage().startsWith("RAPPORT_TIME_ZONE: 'Mars/Base' is not a time zone"), e.getMessage());
    }
}
