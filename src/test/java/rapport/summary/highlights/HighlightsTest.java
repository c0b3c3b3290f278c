package rapport.summary.highlights;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 10, docs/summary.md "Highlights": the rules with fixed inputs. */
class HighlightsTest {

    static final String NBSP = "\u00a0";

    static Change change(String metric, String subject, String unit, boolean higherIsBetter,
                         Double before, Double after, Long n) {
        return new Change(metric, subject, unit, higherIsBetter, before, after, n, n);
    }

    static Change repeatRate(Double before, Double after, Long n) {
        return change("repeat_rate", "Repeat rate", "share", true, before, after, n);
    }

    @Test
    void noChangeIsOneSentenceSayingSo() {
        List<String> sentences = Highlights.write(List.of(repeatRate(0.31, 0.31, 400L),
                change("advocates", "Advocates", "count", true, 40.0, 40.0, 40L)), null, "October 2026");
        assertEquals(List.of("No headline figure changed meaningfully since October 2026."), sentences);
    }

    @Test
    void aBigRiseOfConversationsPerThousandFollowersSaysHowFollowersMoved() {
        Change per1k = change("conversations_per_1k_followers", "Conversations per 1,000 followers", "rate", true, 2.88, 3.4, 300L);
        Change followers = change("followers", "Followers", "count", true, 100_000.0, 102_000.0, 100_000L);
        assertEquals(List.of("Conversations per 1,000 followers rose 18" + NBSP + "% to 3.4 while followers grew 2" + NBSP + "%."),
                Highlights.write(List.of(per1k), followers, "October 2026"));
    }

    @Test
    void aBigFallOfAResponseTimeReadsAsSlippingAndComesFirst() {
        Change slower = change("median_response_minutes", "Median response time on x/AcmeCare", "minutes", false, 22.0, 41.0, 120L);
        Change repeat = repeatRate(0.30, 0.33, 400L);
        assertEquals(List.of("Median response time on x/AcmeCare slipped from 22" + NBSP + "min to 41" + NBSP + "min.",
                        "Repeat rate rose from 30" + NBSP + "% to 33" + NBSP + "%."),
                Highlights.write(List.of(repeat, slower), null, "October 2026"));
    }

    @Test
    void aFasterResponseTimeImprovesAndAFallingShareFalls() {
        assertEquals(List.of("Response rate fell from 80" + NBSP + "% to 60" + NBSP + "%.",
                        "Median response time improved from 1" + NBSP + "h to 45" + NBSP + "min."),
                Highlights.write(List.of(change("median_response_minutes", "Median response time", "minutes", false, 60.0, 45.0, 50L),
                        change("response_rate", "Response rate", "share", true, 0.8, 0.6, 50L)), null, "October 2026"));
    }

    @Test
    void nullsAreNeverMentioned() {
        assertEquals(List.of("No headline figure changed meaningfully since October 2026."),
                Highlights.write(List.of(repeatRate(null, 0.5, 400L), repeatRate(0.2, null, 400L),
                        change("nps", "Net Promoter Score", "score", true, 10.0, 40.0, null)), null, "October 2026"));
    }

    @Test
    void smallSamplesAreNeverMentioned() {
        Change small = new Change("response_rate", "Response rate", "share", true, 0.2, 0.9, Highlights.MIN_SAMPLE - 1, 500L);
        Change enough = new Change("response_rate", "Response rate", "share", true, 0.2, 0.9, Highlights.MIN_SAMPLE, Highlights.MIN_SAMPLE);
        assertEquals(List.of("No headline figure changed meaningfully since October 2026."), Highlights.write(List.of(small), null, "October 2026"));
        assertEquals(1, Highlights.write(List.of(enough), null, "October 2026").size());
    }

    @Test
    void changesUnderTheThresholdsAreNeverMentioned() {
        assertEquals(false, Highlights.meaningful(repeatRate(0.300, 0.319, 400L)), "1.9 points");
        assertEquals(true, Highlights.meaningful(repeatRate(0.300, 0.320, 400L)), "2 points");
        assertEquals(false, Highlights.meaningful(change("advocates", "Advocates", "count", true, 100.0, 104.0, 100L)), "4 %");
        assertEquals(true, Highlights.meaningful(change("advocates", "Advocates", "count", true, 100.0, 105.0, 100L)), "5 %");
        assertEquals(false, Highlights.meaningful(change("personalization_score", "Personalization", "score", true, 70.0, 71.5, 100L)));
        assertEquals(false, Highlights.meaningful(change("advocates", "Advocates", "count", true, 0.0, 30.0, 30L)), "from zero: no relative change");
    }

    @Test
    void atMostFiveSentencesLargestChangeFirst() {
        List<Change> changes = List.of(
                change("a", "A", "count", true, 100.0, 110.0, 100L),
                change("b", "B", "count", true, 100.0, 160.0, 100L),
                change("c", "C", "count", true, 100.0, 70.0, 100L),
                change("d", "D", "count", true, 100.0, 120.0, 100L),
                change("e", "E", "count", true, 100.0, 106.0, 100L),
                change("f", "F", "count", true, 100.0, 140.0, 100L));
        assertEquals(List.of("B rose 60" + NBSP + "% to 160.", "F rose 40" + NBSP + "% to 140.", "C fell 30" + NBSP + "% to 70.",
                "D rose 20" + NBSP + "% to 120.", "A rose 10" + NBSP + "% to 110."), Highlights.write(changes, null, "October 2026"));
    }
}
