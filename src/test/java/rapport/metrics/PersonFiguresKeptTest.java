package rapport.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.Fixture;
import rapport.FreshDatabase;
import rapport.RapportApi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rapport.Fixture.at;

/**
 * Person-level figures (active, new and repeat people, advocates; tiers and their moves, METRICS.md §5; cohorts,
 * §6) depend on the days before a period's end alone: after an import, the periods ending before it are kept and
 * only the later ones computed again (a run that starts amid the range: tiers at its start, cohorts of the periods
 * before it, lapsed persons). Each test imports months of sixty persons' activity, asks the range, imports a
 * change, and checks how many periods were kept and that every view equals the one computed whole. 2025-09-01 is a Monday; 30 weeks run
 * to 2026-03-29.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonFiguresKeptTest implements FreshDatabase {

    private static final LocalDate FIRST = LocalDate.parse("2025-09-01");
    private static final String WEEKS = "grain=week&from=2025-09-01&to=2026-03-23&accounts=";
    private static final String MONTHS = "grain=month&from=2025-09-01&to=2026-03-01&accounts=";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    KeptPeriodsCheck check;

    @Inject
    MeterRegistry registry;

    @Test
    void recentMessagesOfLapsedNewAndRegularPersons_keepTheWeeksEndingBeforeThem() {
        RapportApi api = new RapportApi(client);
        Fixture f = history("Recent", 1);
        int imported = importHistory(api, f);
        f.person("gone").mentions(at("2026-03-03T09:00:00Z"), "@Recent back after months");
        f.person("fresh").mentions(at("2026-03-04T09:00:00Z"), "@Recent first time");
        String post = f.brand().posts(at("2026-03-10T08:00:00Z"), "news");
        f.person("p1").shares(post, at("2026-03-10T09:00:00Z"));
        f.person("p2").mentions(at("2026-03-17T09:00:00Z"), "@Recent again");

        assertPersonPeriodsKeptAndWholeEqual(api, f, imported, "x/Recent", WEEKS, 26, 30);
    }

    @Test
    void aMessageOfAnEarlierWeek_computesEveryWeekFromItsOwn() {
        RapportApi api = new RapportApi(client);
        Fixture f = history("Earlier", 2);
        int imported = importHistory(api, f);
        f.person("gone").mentions(at("2025-12-10T09:00:00Z"), "@Earlier a word in December");
        f.person("p3").shares(f.brand().posts(at("2025-12-09T08:00:00Z"), "news"), at("2025-12-11T09:00:00Z"));

        // 2025-12-08 is the 15th week
        assertPersonPeriodsKeptAndWholeEqual(api, f, imported, "x/Earlier", WEEKS, 14, 30);
    }

    @Test
    void byMonth_theCohortsOfTheMonthsBeforeTheChangeGainTheirPersonsActiveAfterIt() {
        RapportApi api = new RapportApi(client);
        Fixture f = history("Months", 3);
        int imported = importHistory(api, f);
        f.person("gone").mentions(at("2026-03-03T09:00:00Z"), "@Months back");
        f.person("p4").mentions(at("2026-03-05T09:00:00Z"), "@Months again");
        f.person("p5").mentions(at("2026-03-25T09:00:00Z"), "@Months and again");

        assertPersonPeriodsKeptAndWholeEqual(api, f, imported, "x/Months", MONTHS, 6, 7);
    }

    @Test
    void twoAccounts_aPersonsDaysAreUnitedOverThemWhenOneOfThemChanges() {
        RapportApi api = new RapportApi(client);
        Fixture a = history("UnitedA", 4);
        Fixture b = history("UnitedB", 5);
        api.importFile("messages", a.csv());
        int imported = importHistory(api, b);
        b.person("p6").mentions(at("2026-03-03T09:00:00Z"), "@UnitedB hello");
        b.person("gone").mentions(at("2026-03-12T09:00:00Z"), "@UnitedB hello again");

        assertPersonPeriodsKeptAndWholeEqual(api, b, imported, "x/UnitedA,x/UnitedB", WEEKS, 26, 30);
    }

    /**
     * Sixty persons, each first active on a day of the first 24 weeks, then back a few times after gaps of up to
     * two months, sharing the week's post now and then; "gone" was active in the first weeks only.
     */
    private static Fixture history(String account, long seed) {
        Random random = new Random(seed);
        Fixture f = new Fixture("x", account);
        List<String> posts = new ArrayList<>();
        for (int week = 0; week < 26; week++) {
            posts.add(f.brand().posts(instant(week * 7, 8), "post of week " + week));
        }
        f.person("gone").mentions(instant(2, 9), "@" + account + " hello");
        f.person("gone").shares(posts.get(1), instant(9, 10));
        for (int p = 0; p < 60; p++) {
            int day = random.nextInt(24 * 7);
            int visits = 1 + random.nextInt(6);
            for (int v = 0; v < visits && day < 26 * 7; v++) {
                if (random.nextInt(5) == 0) {
                    f.person("p" + p).shares(posts.get(day / 7), instant(day, 12));
                } else {
                    f.person("p" + p).mentions(instant(day, 10), "@" + account + " visit " + v);
                }
                day += 1 + random.nextInt(60);
            }
        }
        return f;
    }

    private static Instant instant(int day, int hour) {
        return FIRST.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
    }

    /** Imports the history; returns the rows imported. */
    private int importHistory(RapportApi api, Fixture f) {
        String csv = f.csv();
        api.importFile("messages", csv);
        return csv.split("\n").length - 1;
    }

    private void assertPersonPeriodsKeptAndWholeEqual(RapportApi api, Fixture f, int imported, String accounts,
                                                      String range, int kept, int periods) {
        String[] uris = {"/api/metrics?" + range + accounts, "/api/tiers?" + range + accounts,
                "/api/cohorts?" + range + accounts};
        check.ask(api, uris);
        double keptBefore = count("kept");
        double computedBefore = count("computed");

        api.importFile("messages", f.split(imported)[1]);

        List<String> served = check.ask(api, uris);
        assertEquals(kept, count("kept") - keptBefore, 0.0, "person periods kept");
        assertEquals(periods - kept, count("computed") - computedBefore, 0.0, "person periods computed again");
        check.assertAsComputedWhole(api, uris, served);
    }

    private double count(String outcome) {
        return registry.counter("rapport.person.figures.periods", "outcome", outcome).count();
    }
}
