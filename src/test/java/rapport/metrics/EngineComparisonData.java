package rapport.metrics;

import rapport.RapportApi;
import rapport.TestDatabase;
import rapport.metrics.memory.InMemoryEngine;
import rapport.metrics.memory.ReferenceFacts;
import rapport.metrics.memory.ScopeFacts;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.rollup.RollupRefresher;
import rapport.system.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The data on which a new engine is compared with the in-memory one: the twcs slice and the demo brand, then
 * changes the facts must follow: stored messages moved nine days earlier or turned into reactions by a
 * re-import, and one person's messages deleted.
 */
final class EngineComparisonData {

    private EngineComparisonData() {
    }

    /** A fresh database with the demo brand, the workspace in the zone. */
    static Map<String, String> properties(String zone) {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("rapport.time-zone", zone);
        properties.put("rapport.demo", "true");
        return properties;
    }

    /** Imports the twcs slice and the extra native files, then changes stored messages and deletes a person's. */
    static void importAndChange(RapportApi api, Database database, String... nativeFiles) throws IOException, SQLException {
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        for (String file : nativeFiles) {
            api.importFile("messages", file);
        }
        api.importFile("messages", changedCopies(database));
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.execute("delete from message where person_id = (select min(person_id) from message where kind = 'share')");
        }
    }

    /** The ids a query over the accounts returns, in its order. */
    static List<Integer> ids(Database database, String query) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** The scopes compared: each account alone, the first two together, the given pair (when any), all of them. */
    static List<List<Integer>> scopes(List<Integer> all, List<Integer> pair) {
        List<List<Integer>> scopes = new ArrayList<>();
        all.forEach(id -> scopes.add(List.of(id)));
        scopes.add(all.subList(0, 2));
        if (!pair.isEmpty()) {
            scopes.add(pair);
        }
        scopes.add(all);
        return scopes;
    }

    /** The family's metrics equal the in-memory engine's for every scope, both grains, every period of a rollup. */
    static void assertFamilyEqualsTheInMemoryEngine(MetricFamily family, List<List<Integer>> scopes, ReferenceFacts facts,
                                                    RollupRefresher refresher, String zone) {
        for (List<Integer> scope : scopes) {
            ScopeFacts scopeFacts = facts.load(scope);
            for (Grain grain : Grain.values()) {
                List<Period> periods = refresher.coverage(scope, grain);
                Map<Metric, List<MetricPoint>> expected = InMemoryEngine.compute(scopeFacts, periods);
                Map<Metric, List<MetricPoint>> actual = family.compute(scope, grain, periods);
                for (Metric metric : family.metrics()) {
                    assertEquals(expected.get(metric), actual.get(metric), metric + ", scope " + scope + ", " + grain + ", " + zone);
                }
            }
        }
    }

    /** Ten stored person messages again: five moved nine days earlier, five turned into reactions. */
    private static String changedCopies(Database database) throws SQLException {
        StringBuilder csv = new StringBuilder("network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n");
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select m.network, a.handle, m.message_id, m.author_id, m.kind, m.created_at, coalesce(m.in_reply_to, '')
                     from message m join account a on a.id = m.account_id
                     where not m.from_brand and m.kind <> 'reaction' order by m.id limit 10""")) {
            for (int i = 0; rs.next(); i++) {
                OffsetDateTime at = rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                String kind = i < 5 ? rs.getString(5) : "reaction";
                csv.append(String.join(",", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(4), "false", kind, (i < 5 ? at.minusDays(9) : at).toString(), rs.getString(7), "changed"))
                        .append('\n');
            }
        }
        return csv.toString();
    }
}
