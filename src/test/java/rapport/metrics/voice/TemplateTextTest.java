package rapport.metrics.voice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** METRICS.md §4, template groups, step 1: normalisation, in order. */
class TemplateTextTest {

    @Test
    void urlsHandlesAndDigitsAreReplaced() {
        assertEquals("@user see <url> order 0 at <url>",
                TemplateText.normalise("@Jane42 See https://t.co/AbC123 order 48213 at www.acme.com/x"));
    }

    @Test
    void agentSignOffsAreRemovedOnce() {
        assertEquals("sorry about that", TemplateText.normalise("Sorry about that ^JD"));
        assertEquals("sorry about that", TemplateText.normalise("Sorry about that - kc  "));
        assertEquals("sorry about that", TemplateText.normalise("Sorry about that /AM"));
        // only once: the text left ends in another sign-off, which stays
        assertEquals("sorry ab", TemplateText.normalise("sorry -ab -cd"));
    }

    @Test
    void aHyphenInsideAWordIsNotASignOff() {
        assertEquals("a must see", TemplateText.normalise("a must-see"));
        assertEquals("thanks becky", TemplateText.normalise("thanks -Becky"));
    }

    @Test
    void punctuationBecomesSpaceAndWhiteSpaceCollapses() {
        assertEquals("we re sorry @user", TemplateText.normalise("  We're   sorry, @bob!!  "));
    }
}
