package rapport.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** METRICS.md §7: created_at is ISO-8601 with an offset; the quick path must read exactly what ISO reads. */
class FieldParsersTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-05T09:30:00Z", "2026-01-05T09:30:00+01:00", "2026-01-05T09:30:00-05:30",
            "2024-02-29T23:59:59Z", "2026-01-05T09:30:00.250Z", "2026-01-05T09:30Z", "2026-01-05T09:30:00+05:45:30",
            "2026-01-05T09:30:00+18:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void everyIsoTimestampReadsAsTheIsoParserReadsIt(String value) throws RowRejected {
        // the same instant, in UTC as PostgreSQL keeps it (it refuses offsets beyond ±15:59 on input)
        assertEquals(OffsetDateTime.parse(value).toInstant(), FieldParsers.instant(value, "created_at").toInstant());
    }

    /** Issue 12, finding 5: years ISO reads but PostgreSQL cannot store are the row's problem, not the file's. */
    @ParameterizedTest
    @ValueSource(strings = {"+12026-01-05T09:30:00Z", "+10000-01-01T00:00:00Z", "0000-06-01T00:00:00Z", "-0001-06-01T00:00:00Z",
            "0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00-01:00"})
    void yearsOutsidePostgresRangeAreRejectedNamingTheField(String value) {
        RowRejected rejected = assertThrows(RowRejected.class, () -> FieldParsers.instant(value, "created_at"));
        assertEquals("created_at", rejected.field());
        assertTrue(rejected.getMessage().contains("out of range"), rejected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T10:00:00Z", "2026-01-05T24:00:00Z", "2026-13-05T09:30:00Z", "2026-01-05T09:30:00+25:00",
            "2026-01-05 09:30:00Z", "2026-01-05T09:30:00", "yesterday", "2026-01-05T09:30:00+0100"})
    void whatIsoRejectsIsRejectedNamingTheField(String value) {
        assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(value));
        RowRejected rejected = assertThrows(RowRejected.class, () -> FieldParsers.instant(value, "created_at"));
        assertEquals("created_at", rejected.field());
    }
}
