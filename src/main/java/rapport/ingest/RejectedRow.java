package rapport.ingest;

/** A row kept out of the data, with where it was and why. */
public record RejectedRow(long line, String field, String reason, boolean unattributed, String raw) {

    /** A rejected row's own text is kept up to this many characters (a broken file can make one row of gigabytes). */
    static final int RAW_CHARS = 2_000;
    static final int REASON_CHARS = 500;

    RejectedRow capped() {
        String cappedRaw = cap(raw, RAW_CHARS);
        String cappedReason = cap(reason, REASON_CHARS);
        return cappedRaw == raw && cappedReason == reason ? this : new RejectedRow(line, field, cappedReason, unattributed, cappedRaw);
    }

    private static String cap(String text, int chars) {
        if (text == null || text.length() <= chars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }
}
