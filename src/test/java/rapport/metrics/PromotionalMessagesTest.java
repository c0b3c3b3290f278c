package rapport.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** METRICS.md §4, promotional messages: phrase boundaries and own domains. */
class PromotionalMessagesTest {

    static final ScopeAccount ACME = new ScopeAccount(1, "x", "Acme", PromotionalMessages.DEFAULT_PHRASES, List.of("acme.com"));

    @Test
    void aPhraseStartingWithPunctuationMatchesAfterADigit() {
        assertTrue(PromotionalMessages.isPromotional("Today only: 30% off kettles", ACME));
    }

    @Test
    void aPhraseMustNotBeGluedToLettersOrUnderscores() {
        assertFalse(PromotionalMessages.isPromotional("Happy shopping, everyone", ACME));
        assertFalse(PromotionalMessages.isPromotional("see #deal_of_day", ACME));
        assertTrue(PromotionalMessages.isPromotional("SHOP the look", ACME));
        assertTrue(PromotionalMessages.isPromotional("what a deal!", ACME));
    }

    @Test
    void aLinkToAnOwnDomainIsPromotional() {
        assertTrue(PromotionalMessages.isPromotional("new: https://store.acme.com/kettles", ACME));
        assertTrue(PromotionalMessages.isPromotional("new: www.acme.com", ACME));
        assertFalse(PromotionalMessages.isPromotional("read https://notacme.com/x", ACME));
    }
}
