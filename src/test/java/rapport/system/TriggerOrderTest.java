package rapport.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every writer of messages locks the account's data version row before any row of the derived facts (V66):
 * on insert, update and delete, the trigger that gives the account a new version fires first (PostgreSQL fires
 * one event's triggers in name order), so two writers never lock them in opposite orders.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriggerOrderTest implements FreshDatabase {

    private static final String TRIGGERS = """
            select t.tgname from pg_trigger t
            where t.tgrelid = 'message'::regclass and not t.tgisinternal and (t.tgtype & %d) <> 0
            order by t.tgname""";

    @Inject
    Database database;

    @Test
    void onEveryEventOfMessages_theVersionTriggerFiresFirst() throws SQLException {
        // pg_trigger.tgtype bits: 4 insert, 8 delete, 16 update
        assertFirst(4, "message_a_version_inserted");
        assertFirst(16, "message_a_version_updated");
        assertFirst(8, "message_a_version_deleted");
    }

    private void assertFirst(int event, String expected) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(TRIGGERS.formatted(event))) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        assertTrue(names.size() > 1, "the facts' triggers are there too: " + names);
        assertEquals(expected, names.get(0), "in firing order: " + names);
    }
}
