package rapport.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** METRICS.md §7: created_at is ISO-8601 with an offset; the quick path must read exactly what ISO reads. */
class FieldParsersTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-05T09:30:00Z", "2026-01-05T09:30:00+01:00", "2026-01-05T09:30:00-05:30",
            "2024-02-29T23:59:59Z", "2026-01-05T09:30:00.250Z", "2026-01-05T09:30Z", "2026-01-05T09:30:00+05:45:30",
            "+12026-01-05T09:30:00Z"})
    void everyIsoTimestampReadsAsTheIsoParserReadsIt(String value) throws RowRejected {
        assertEquals(OffsetDateTime.parse(value), FieldParsers.instant(value, "created_at"));
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
