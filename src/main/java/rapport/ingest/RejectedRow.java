package rapport.ingest;

/** A row kept out of the data, with where it was and why. */
public record RejectedRow(long line, String field, String reason, boolean unattributed, String raw) {

    /** A rejected row's own text is kept up to this many characters (a broken file can make one row of gigabytes). */
    static final int RAW_CHARS = 2_000;
    static final int REASON_CHARS = 500;

    /**
     * As kept: shortened, and storable as text (a NUL dropped, what was invalid UTF-8 shown as U+FFFD), so that
     * the report read back later is the report given at once.
     */
    RejectedRow capped() {
        String cappedRaw = storable(cap(raw, RAW_CHARS));
        String cappedReason = storable(cap(reason, REASON_CHARS));
        return cappedRaw == raw && cappedReason == reason ? this : new RejectedRow(line, field, cappedReason, unattributed, cappedRaw);
    }

    private static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\0' || !pair && Character.isSurrogate(c);
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (c != '\0') {
                    out.append(bad ? '\uFFFD' : c);
                }
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static String cap(String text, int chars) {
        if (text == null || text.length() <= chars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }
}
