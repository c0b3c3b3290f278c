package rapport.reliability;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A native messages CSV of {@code rows} rows on x/Acme in 2025: people mention, the brand answers every other one. */
final class GeneratedMessages {

    static final String HEADER = "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n";

    private GeneratedMessages() {
    }

    static String csv(int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        Instant start = Instant.parse("2025-01-06T09:00:00Z");
        for (int i = 0; i < rows; i++) {
            Instant at = start.plus(i * 97L, ChronoUnit.MINUTES);
            if (i % 2 == 1) {
                csv.append("x,Acme,m").append(i).append(",Acme,Acme,true,reply,").append(at).append(",m").append(i - 1)
                        .append(",\"thanks, we are on it\"\n");
            } else {
                String person = "p" + (i % 53);
                csv.append("x,Acme,m").append(i).append(',').append(person).append(',').append(person)
                        .append(",false,mention,").append(at).append(",,\"@Acme help with order ").append(i).append("\"\n");
            }
        }
        return csv.toString();
    }
}
