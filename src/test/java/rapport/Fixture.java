package rapport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a native messages CSV that reads like the threads it holds:
 * {@code String ask = f.person("p1").mentions(at("2026-01-05T10:00:00Z"), "@A hi");
 * f.brand().replies(ask, after(ask, 30), "hello!")}.
 */
public final class Fixture {

    private final String network;
    private final String account;
    private final List<String> rows = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private int next;

    public Fixture(String network, String account) {
        this.network = network;
        this.account = account;
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** The time {@code minutes} after the message {@code id} was created. */
    public Instant after(String id, long minutes) {
        return times.get(ids.indexOf(id)).plus(Duration.ofMinutes(minutes));
    }

    public Author person(String personId) {
        return new Author(personId, false);
    }

    public Author brand() {
        return new Author(account, true);
    }

    public String csv() {
        return "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n"
                + String.join("\n", rows) + "\n";
    }

    /** The same messages split in two files at {@code index}: to import out of order. */
    public String[] split(int index) {
        String header = "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n";
        return new String[]{header + String.join("\n", rows.subList(0, index)) + "\n",
                header + String.join("\n", rows.subList(index, rows.size())) + "\n"};
    }

    public final class Author {
        private final String id;
        private final boolean brand;

        Author(String id, boolean brand) {
            this.id = id;
            this.brand = brand;
        }

        public String posts(Instant at, String text) {
            return add("post", at, null, text);
        }

        public String mentions(Instant at, String text) {
            return add("mention", at, null, text);
        }

        public String replies(String parent, Instant at, String text) {
            return add("reply", at, parent, text);
        }

        public String shares(String post, Instant at) {
            return add("share", at, post, "");
        }

        public String reacts(String post, Instant at) {
            return add("reaction", at, post, "");
        }

        public String says(String kind, String parent, Instant at, String text) {
            return add(kind, at, parent, text);
        }

        private String add(String kind, Instant at, String parent, String text) {
            String messageId = account + "-" + (++next);
            rows.add(String.join(",", network, account, messageId, id, id, String.valueOf(brand), kind, at.toString(),
                    parent == null ? "" : parent, quote(text)));
            times.add(at);
            ids.add(messageId);
            return messageId;
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
