package rapport.metrics;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rapport.Fixture;
import rapport.RapportApi;
import rapport.metrics.voice.VoiceFactsRefresher;
import rapport.metrics.voice.VoiceFamilies;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rapport.Fixture.at;

/**
 * canned_reply_share, personalization_score and promotional_share aggregated in PostgreSQL from the brand-voice
 * facts kept at import time equal the in-memory engine's for every scope (each account, a pair, all, and two
 * accounts where one replies to the other's persons), every period of both grains, in the subclass's zone.
 * Data: the twcs slice, the demo brand and a cross-account fixture, then changes the facts must follow:
 * re-imports that move person messages or turn them into reactions and that rewrite brand replies' texts, an
 * account's new promotional phrases, and one person's messages erased.
 */
abstract class VoiceEngineEquality extends EngineComparison {

    @Inject
    VoiceFamilies voice;

    @Inject
    VoiceFactsRefresher voiceFacts;

    @BeforeAll
    void importAndChange() throws IOException, SQLException {
        RapportApi api = new RapportApi(client);
        api.importFile("twcs", Files.readString(Path.of("src/test/resources/twcs/twcs-sample.csv")));
        api.importFile("messages", crossAccountReplies());
        api.importFile("messages", changedCopies());
        api.importFile("messages", rewrittenReplies());
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.execute("update account set promo_phrases = array['thank', 'dm'] where id = (select min(id) from account)");
            st.execute("delete from message where person_id = (select min(person_id) from message where kind = 'share')");
        }
    }

    /** Beta's brand answers Alpha's persons with the words it also gives its own: canned only with Alpha in scope. */
    static String crossAccountReplies() {
        Fixture alpha = new Fixture("x", "Alpha");
        Fixture beta = new Fixture("x", "Beta");
        String text = "So sorry to hear that, please send us a DM with your order number";
        for (String person : List.of("p1", "p2")) {
            String ask = alpha.person(person).mentions(at("2026-01-06T09:00:00Z"), "@Beta @Alpha my parcel is lost");
            beta.brand().replies(ask, at("2026-01-06T10:00:00Z"), "@" + person + " " + text);
        }
        String ask = beta.person("p3").mentions(at("2026-01-07T09:00:00Z"), "@Beta where is my parcel");
        beta.brand().replies(ask, at("2026-01-07T10:00:00Z"), "@p3 " + text + " ^AB");
        beta.brand().posts(at("2026-01-08T10:00:00Z"), "Free shipping this week");
        return alpha.csv() + beta.csv().substring(beta.csv().indexOf('\n') + 1);
    }

    /** Ten stored person messages again: five moved nine days earlier, five turned into reactions. */
    private String changedCopies() throws SQLException {
        return copies("""
                select m.network, a.handle, m.message_id, m.author_id, m.kind, m.created_at, coalesce(m.in_reply_to, ''), m.text, m.from_brand
                from message m join account a on a.id = m.account_id
                where not m.from_brand and m.kind <> 'reaction' order by m.id limit 10""", (i, row) -> {
            row.set(4, i < 5 ? row.get(4) : "reaction");
            row.set(5, i < 5 ? OffsetDateTime.parse(row.get(5)).minusDays(9).toString() : row.get(5));
            row.set(7, "changed");
        });
    }

    /** Twenty stored brand replies again, their texts rewritten: they leave their groups and join others. */
    private String rewrittenReplies() throws SQLException {
        return copies("""
                select m.network, a.handle, m.message_id, m.author_id, m.kind, m.created_at, coalesce(m.in_reply_to, ''), m.text, m.from_brand
                from message m join account a on a.id = m.account_id
                where m.from_brand and m.parent_id is not null order by m.id desc limit 20""", (i, row) ->
                row.set(7, i % 2 == 0 ? "We are sorry to hear that, please DM us your details and we will help"
                        : "thanks for reaching out " + i));
    }

    private interface Change {
        void apply(int i, List<String> row);
    }

    private String copies(String query, Change change) throws SQLException {
        StringBuilder csv = new StringBuilder("network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n");
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            for (int i = 0; rs.next(); i++) {
                List<String> row = new ArrayList<>();
                for (int col = 1; col <= 9; col++) {
                    row.add(col == 6 ? rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString()
                            : col == 9 ? String.valueOf(rs.getBoolean(9)) : rs.getString(col));
                }
                change.apply(i, row);
                csv.append(String.join(",", row.get(0), row.get(1), row.get(2), row.get(3), row.get(3),
                        row.get(8), row.get(4), row.get(5), row.get(6),
                        "\"" + row.get(7).replace("\"", "\"\"") + "\"")).append('\n');
            }
        }
        return csv.toString();
    }

    List<List<Integer>> scopes() throws SQLException {
        List<Integer> all = ids("select id from account order by id");
        assertTrue(all.size() >= 4, "twcs brands, the demo brand, Alpha and Beta");
        return EngineComparisonData.scopes(all, ids("select id from account where handle in ('Alpha', 'Beta') order by id"));
    }

    private List<Integer> ids(String query) throws SQLException {
        return EngineComparisonData.ids(database, query);
    }

    @Test
    void cannedPersonalizationAndPromotional_sqlOverVoiceFactsEqualsTheInMemoryEngine() throws SQLException {
        EngineComparisonData.assertFamilyEqualsTheInMemoryEngine(voice, scopes(), facts, refresher, zone());
    }

    @Test
    void crossAccountReplies_theTwcsSliceAndTheFixtureHoldThemSoTheScopePathIsTested() throws SQLException {
        voiceFacts.drain();
        List<Integer> crossReplying = ids("select distinct account_id from brand_reply where group_id is null order by 1");
        assertTrue(crossReplying.containsAll(ids("select id from account where handle = 'Beta'")), "the fixture's Beta");
        assertTrue(crossReplying.size() > 1, "twcs brands answer persons attributed to other brands: " + crossReplying);
    }

    @Test
    void keptGroups_afterEveryChangeEqualGroupsDerivedFromScratch() throws SQLException {
        voiceFacts.drain();
        String snapshot = """
                select string_agg(message_id || ':' || canned || ':' || coalesce(first, 0), ',' order by message_id)
                from (select message_id, canned, min(message_id) over (partition by group_id) * (group_id is not null)::int as first
                      from brand_reply) r""";
        String posts = "select string_agg(message_id || ':' || promotional, ',' order by message_id) from brand_post";
        String kept = text(snapshot) + "|" + text(posts);
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("truncate brand_reply, brand_post");
            st.execute("insert into voice_pending (account_id, message_id) select account_id, id from message where from_brand");
            c.commit();
        }
        voiceFacts.drain();
        assertEquals(text(snapshot) + "|" + text(posts), kept);
    }

    /** Incremental upkeep: a reply imported into the largest account rewrites itself and at most its group. */
    @Test
    void drain_aOneReplyImportWritesOnlyTheReplyAndTheGroupItJoins() throws SQLException {
        voiceFacts.drain();
        String probe;
        long accountReplies;
        long groupSize;
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select m.network, a.handle, m.author_id, p.message_id, m.text, r.account_id,
                       (select count(*) from brand_reply where account_id = r.account_id),
                       (select count(*) from brand_reply where group_id = r.group_id)
                from brand_reply r join message m on m.id = r.message_id join message p on p.id = m.parent_id
                join account a on a.id = r.account_id
                where r.group_id is not null
                order by (select count(*) from brand_reply where account_id = r.account_id) desc, r.message_id limit 1""")) {
            rs.next();
            probe = "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n"
                    + String.join(",", rs.getString(1), rs.getString(2), "voice-probe", rs.getString(3), rs.getString(3),
                    "true", "reply", "2017-11-01T10:00:00Z", rs.getString(4), "\"" + rs.getString(5).replace("\"", "\"\"") + "\"") + "\n";
            accountReplies = rs.getLong(7);
            groupSize = rs.getLong(8);
        }
        long before = Long.parseLong(text("select txid_current()::text"));
        new RapportApi(client).importFile("messages", probe);
        voiceFacts.drain();
        long written = Long.parseLong(text("select count(*)::text from brand_reply where xmin::text::bigint > " + before));
        System.out.printf("voice drain after a one-reply import: %d rows written; the account has %d replies, the group %d%n",
                written, accountReplies, groupSize);
        assertTrue(written >= 1 && written <= groupSize + 1, written + " rows written for a group of " + groupSize);
    }

    private String text(String query) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
