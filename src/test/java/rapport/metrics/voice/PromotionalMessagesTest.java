package rapport.metrics.voice;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** METRICS.md §4, promotional messages: phrase boundaries and own domains. */
class PromotionalMessagesTest {

    private static final List<String> ACME_DOMAINS = List.of("acme.com");

    @Test
    void aPhraseStartingWithPunctuationMatchesAfterADigit() {
        assertTrue(isPromotional("Today only: 30% off kettles"));
    }

    @Test
    void aPhraseMustNotBeGluedToLettersOrUnderscores() {
        assertFalse(isPromotional("Happy shopping, everyone"));
        assertFalse(isPromotional("see #deal_of_day"));
        assertTrue(isPromotional("SHOP the look"));
        assertTrue(isPromotional("what a deal!"));
    }

    @Test
    void aLinkToAnOwnDomainIsPromotional() {
        assertTrue(isPromotional("new: https://store.acme.com/kettles"));
        assertTrue(isPromotional("new: www.acme.com"));
        assertFalse(isPromotional("read https://notacme.com/x"));
    }

    private static boolean isPromotional(String text) {
        return PromotionalMessages.isPromotional(text, PromotionalMessages.DEFAULT_PHRASES, ACME_DOMAINS);
    }
}
