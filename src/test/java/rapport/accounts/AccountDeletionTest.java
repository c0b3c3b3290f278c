package rapport.accounts;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting an account's data: only with the confirmation, only its data, and the rest as if it had never come. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDeletionTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    @Test
    void anAccountGoesOnlyWhenTheRequestRepeatsItsNameAndRepliesToItWaitForTheirParentAgain() throws Exception {
        RapportApi api = new RapportApi(client);
        Fixture gone = new Fixture("x", "Gone");
        String post = gone.brand().posts(Instant.parse("2026-01-05T09:00:00Z"), "Hello all");
        gone.person("p1").replies(post, Instant.parse("2026-01-05T10:00:00Z"), "hi Gone");
        Fixture keep = new Fixture("x", "Keep");
        String aside = keep.person("p2").says("reply", post, Instant.parse("2026-01-05T11:00:00Z"), "@Keep saw this at Gone");
        keep.brand().replies(aside, Instant.parse("2026-01-05T11:30:00Z"), "@p2 thanks!");
        api.importFile("messages", gone.csv());
        api.importFile("messages", keep.csv());
        api.importFile("followers", "network,account,day,followers\nx,Gone,2026-01-04,10\nx,Keep,2026-01-04,20\n");
        assertEquals(1, number("select count(*) from message where message_id = '" + aside + "' and parent_id is not null"));
        String keepBefore = api.get("/api/metrics?grain=week&from=2026-01-05&to=2026-01-05&accounts=x/Keep");

        HttpClientResponseException unconfirmed = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.DELETE("/api/accounts/x/Gone?confirm=x/Keep")));
        assertEquals(HttpStatus.BAD_REQUEST, unconfirmed.getStatus());
        assertTrue(unconfirmed.getResponse().getBody(String.class).orElse("").contains("confirm: must repeat the account, 'x/Gone'"));
        assertEquals(2, number("select count(*) from account"));

        Map<String, Object> deleted = client.toBlocking().retrieve(HttpRequest.DELETE("/api/accounts/x/Gone?confirm=x/Gone"),
                Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("x/Gone"), deleted.get("accounts"));
        assertEquals(2, deleted.get("messages"));
        assertEquals(1, deleted.get("followerSnapshots"));
        assertEquals(List.of("x/Keep"), client.toBlocking().retrieve(HttpRequest.GET("/api/accounts"),
                Argument.listOf(Argument.mapOf(String.class, Object.class))).stream().map(a -> a.get("key")).toList());
        // Keep never saw Gone's messages (scopes hide other accounts): its figures are what they were
        assertEquals(keepBefore, api.get("/api/metrics?grain=week&from=2026-01-05&to=2026-01-05&accounts=x/Keep"));
        // the reply to Gone's post waits for its parent again, and finds it when Gone is imported anew
        assertEquals(1, number("select count(*) from message where message_id = '" + aside + "' and parent_id is null"));
        api.importFile("messages", gone.csv());
        assertEquals(1, number("select count(*) from message where message_id = '" + aside + "' and parent_id is not null"));
    }

    @Test
    void theDemoBrandNeedsItsWordAndIsNotThereToDelete() {
        HttpClientResponseException unconfirmed = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.DELETE("/api/accounts/demo")));
        assertTrue(unconfirmed.getResponse().getBody(String.class).orElse("").contains("confirm: must be 'demo'"));
        HttpClientResponseException absent = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.DELETE("/api/accounts/demo?confirm=demo")));
        assertTrue(absent.getResponse().getBody(String.class).orElse("").contains("the demo brand is not in the data"));
        assertEquals(List.of(), client.toBlocking().retrieve(HttpRequest.GET("/api/accounts/demo"), Argument.listOf(String.class)));
    }

    private long number(String sql) throws Exception {
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
