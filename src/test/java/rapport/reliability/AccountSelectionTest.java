package rapport.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.TestDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, findings 10 and 13: account keys that read one way, and an account list no bulk import stalls. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountSelectionTest {

    Map<String, String> database;
    RunningApp app;

    @BeforeAll
    void start() {
        database = TestDatabase.fresh();
        app = new RunningApp(database);
        String rows = GeneratedMessages.HEADER
                + "x,\"Acme, Inc\",m1,p1,p1,false,mention,2025-01-06T09:00:00Z,,hi\n"
                + "x,Acme,m2,p1,p1,false,mention,2025-01-06T09:00:00Z,,hi\n"
                + "x,Inc,m3,p2,p2,false,mention,2025-01-06T09:00:00Z,,hi\n"
                + "x,n2/h,m4,p2,p2,false,mention,2025-01-07T09:00:00Z,,slash in the handle\n"
                + "x/n2,h,m5,p2,p2,false,mention,2025-01-07T09:00:00Z,,slash in the network\n";
        RunningApp.Answer report = app.importFile("messages", rows, false);
        assertEquals(4L, ((Number) report.get("inserted")).longValue(), report.toString());
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) report.get("problems")).get(0);
        assertEquals(6L, ((Number) problem.get("line")).longValue());
        assertEquals("network", problem.get("field"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private int messagesIn(String accounts) {
        RunningApp.Answer answer = app.get("/api/metrics?metrics=active_interactors&grain=month&from=2025-01-01&to=2025-01-01&accounts="
                + URLEncoder.encode(accounts, StandardCharsets.UTF_8));
        assertEquals(200, answer.status(), accounts + ": " + answer);
        Map<?, ?> series = (Map<?, ?>) ((List<?>) answer.get("series")).get(0);
        return ((Number) ((Map<?, ?>) ((List<?>) series.get("points")).get(0)).get("value")).intValue();
    }

    @Test
    void everyAccountHasAKeyThatSelectsItAndOnlyIt() {
        List<?> accounts = (List<?>) app.get("/api/accounts").json();
        List<String> keys = accounts.stream().map(a -> (String) ((Map<?, ?>) a).get("key")).toList();
        assertEquals(List.of("x/Acme", "x/Acme\\, Inc", "x/Inc", "x/n2/h"), keys);
        assertEquals(1, messagesIn("x/Acme\\, Inc"));
        assertEquals(1, messagesIn("x/Acme, Inc"), "unescaped, the whole name is an account and wins over its parts");
        assertEquals(2, messagesIn("x/Acme,x/Inc"));
        assertEquals(1, messagesIn("x/n2/h"));
        assertEquals(400, app.get("/api/metrics?accounts=" + URLEncoder.encode("x/Acme\\,Nope", StandardCharsets.UTF_8)).status());
    }

    @Test
    void theAccountListAnswersWhileABulkImportHoldsTheMessages() throws Exception {
        app.importFile("messages", GeneratedMessages.csv(4), false); // a data change: nothing kept to answer from
        try (Connection c = DriverManager.getConnection(database.get("datasources.default.url"), "postgres", "postgres");
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("lock table message in access exclusive mode"); // what a bulk import's index rebuild holds
            RunningApp.Answer accounts = app.get("/api/accounts");
            assertEquals(200, accounts.status());
            assertTrue(((List<?>) accounts.json()).size() >= 4, accounts.toString());
            c.rollback();
        }
        Map<?, ?> first = (Map<?, ?>) ((List<?>) app.get("/api/accounts").json()).get(0);
        assertTrue(((Number) first.get("messages")).longValue() > 0, "spans again once the lock is gone");
    }
}
