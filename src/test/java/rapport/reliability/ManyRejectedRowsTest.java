package rapport.reliability;

import org.junit.jupiter.api.Test;
import rapport.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, finding 6: a file of many bad rows and a few good ones. Every bad row is counted, the first 10,000
 * are kept (each row's text cut to 2,000 characters), the report says how many more there were, and the good
 * rows are imported.
 */
class ManyRejectedRowsTest {

    @Test
    void rejectedRowsAreCountedAllButKeptBoundedAndTheGoodOnesSurvive() {
        StringBuilder file = new StringBuilder(GeneratedMessages.HEADER);
        file.append("x,Acme,good1,p1,p1,false,mention,2025-01-06T09:00:00Z,,first\n");
        String huge = "y".repeat(50_000);
        for (int i = 0; i < 25_000; i++) {
            file.append("x,Acme,bad").append(i).append(",p1,p1,false,mention,0000-01-01T00:00:00Z,,")
                    .append(i == 0 ? huge : "too early").append('\n');
        }
        file.append("x,Acme,good2,p1,p1,false,mention,2025-01-06T10:00:00Z,,last\n");

        try (RunningApp app = new RunningApp(TestDatabase.fresh())) {
            RunningApp.Answer report = app.importFile("messages", file.toString(), false);
            assertEquals(200, report.status());
            assertEquals(25_002L, ((Number) report.get("rowsRead")).longValue());
            assertEquals(2L, ((Number) report.get("inserted")).longValue());
            assertEquals(25_000L, ((Number) report.get("rejected")).longValue());
            assertEquals(15_000L, ((Number) report.get("problemsNotKept")).longValue());

            Map<?, ?> first = (Map<?, ?>) ((List<?>) report.get("problems")).get(0);
            assertEquals(3L, ((Number) first.get("line")).longValue());
            assertEquals("created_at", first.get("field"));
            String raw = (String) first.get("raw");
            assertTrue(raw.length() < 2_100 && raw.endsWith("more characters)"), raw.substring(raw.length() - 40));

            List<?> kept = (List<?>) app.get("/api/imports/" + report.get("id") + "/problems?limit=100000").json();
            assertEquals(10_000, kept.size());
        }
    }
}
