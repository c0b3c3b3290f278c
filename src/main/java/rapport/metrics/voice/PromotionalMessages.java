package rapport.metrics.voice;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Promotional brand messages (METRICS.md §4): the text contains one of the account's phrases, or links to
 * one of its own domains. A phrase that starts (ends) with a letter or digit must not be preceded
 * (followed) by a letter, digit or _, so "30% off" matches "% off" but "shopping" does not match "shop".
 */
public final class PromotionalMessages {

    public static final List<String> DEFAULT_PHRASES = List.of("buy", "shop", "sale", "% off", "discount", "promo",
            "coupon", "deal", "limited time", "order now", "follow us", "retweet", "giveaway", "enter to win",
            "link in bio", "free shipping");

    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)([^\\s/?#:]+)", Pattern.CASE_INSENSITIVE);

    private PromotionalMessages() {
    }

    /** With the account's phrases (the defaults when it has set none) and own domains. */
    public static boolean isPromotional(String text, List<String> promoPhrases, List<String> ownDomains) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : promoPhrases) {
            if (containsPhrase(lower, phrase.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return !ownDomains.isEmpty() && linksToOwnDomain(text, ownDomains);
    }

    static boolean containsPhrase(String text, String phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        boolean guardStart = isWordChar(phrase.codePointAt(0));
        boolean guardEnd = isWordChar(phrase.codePointBefore(phrase.length()));
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            boolean startOk = !guardStart || at == 0 || !isWordChar(text.codePointBefore(at)) && text.codePointBefore(at) != '_';
            boolean endOk = !guardEnd || end == text.length() || !isWordChar(text.codePointAt(end)) && text.codePointAt(end) != '_';
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /** A link whose host is the domain or one of its subdomains (www. ignored). */
    private static boolean linksToOwnDomain(String text, List<String> domains) {
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String host = link.group(1).toLowerCase(Locale.ROOT);
            for (String domain : domains) {
                String own = domain.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
                if (host.equals(own) || host.endsWith("." + own)) {
                    return true;
                }
            }
        }
        return false;
    }
}
