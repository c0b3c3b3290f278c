package rapport.metrics.voice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Step 1 of template groups (METRICS.md §4): a brand reply's text normalised, in the order written there. */
public final class TemplateText {

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** White space or the start, ^ - or /, optional white space, one to three letters ending the text. */
    private static final Pattern SIGN_OFF = Pattern.compile("(?:^|\\s)[\\^/-]\\s*\\p{L}{1,3}\\s*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private TemplateText() {
    }

    public static String normalise(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        s = URL.matcher(s).replaceAll("<url>");
        s = HANDLE.matcher(s).replaceAll("@user");
        s = DIGITS.matcher(s).replaceAll("0");
        s = SIGN_OFF.matcher(s).replaceFirst("");
        s = keepWordCharacters(s);
        return WHITE_SPACE.matcher(s).replaceAll(" ").strip();
    }

    public static List<String> words(String normalised) {
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    }

    /** Every character other than a letter, a digit, _, @, <, > and white space becomes a space. */
    private static String keepWordCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean keep = Character.isLetterOrDigit(cp) || cp == '_' || cp == '@' || cp == '<' || cp == '>'
                    || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (keep) {
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
