package rapport.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import rapport.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, findings 5, 6 and 11, as properties over random files through the real import (HTTP, COPY,
 * PostgreSQL): rows of every kind of text and every kind of damage, with any line ends and with or without a
 * byte order mark. Every row is either stored exactly as written or rejected with its own line and the field
 * at fault, and no damaged row costs a good one.
 */
class ImportPropertyTest {

    /** What a row is, and for a damaged one, which field the import must name. */
    enum Damage {
        NONE(null), BAD_DATE("created_at"), YEAR_ZERO("created_at"), YEAR_10000("created_at"), NEGATIVE_YEAR("created_at"),
        NUL("text"), INVALID_UTF8("text"), UNKNOWN_KIND("kind"), BAD_FLAG("from_brand"), NO_ID("message_id"),
        SLASH_IN_NETWORK("network"), MISSING_COLUMN(null);

        final String field;

        Damage(String field) {
            this.field = field;
        }
    }

    enum LineEnds { LF, CRLF, CR, MIXED }

    record Row(Damage damage, String author, boolean fromBrand, String kind, OffsetDateTime createdAt, String inReplyTo,
               String text, boolean quoted, boolean crEnd) {
    }

    record File(List<Row> rows, LineEnds lineEnds, boolean bom) {
    }

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final AtomicLong ROWS = new AtomicLong();
    private static Map<String, String> database;
    private static RunningApp app;

    @BeforeContainer
    static void start() {
        database = TestDatabase.fresh();
        app = new RunningApp(database);
    }

    @AfterContainer
    static void stop() {
        app.close();
        System.out.println("ImportPropertyTest: " + FILES.get() + " generated files, " + ROWS.get() + " generated rows imported");
    }

    @Property(tries = 250)
    void everyRowIsStoredExactlyOrRejectedWithItsLineAndField(@ForAll("files") File file) throws SQLException {
        int fileNo = FILES.incrementAndGet();
        ROWS.addAndGet(file.rows().size());
        String prefix = "f" + fileNo + "-";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (file.bom()) {
            body.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        body.writeBytes(GeneratedMessages.HEADER.strip().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(lineEnd(file.lineEnds(), false));
        Map<Long, Row> byLine = new HashMap<>();
        long line = 2;
        for (int i = 0; i < file.rows().size(); i++) {
            Row row = file.rows().get(i);
            byLine.put(line, row);
            write(body, prefix + i, row);
            body.writeBytes(lineEnd(file.lineEnds(), row.crEnd()));
            line += 1 + extraLines(row);
        }

        RunningApp.Answer answer = app.call(io.micronaut.http.HttpRequest.POST("/api/imports?format=messages", body.toByteArray())
                .contentType(io.micronaut.http.MediaType.TEXT_PLAIN_TYPE));

        assertEquals(200, answer.status(), answer.toString());
        assertEquals((long) file.rows().size(), ((Number) answer.get("rowsRead")).longValue(), () -> answer + describe(byLine));
        long damaged = file.rows().stream().filter(r -> r.damage() != Damage.NONE).count();
        assertEquals(damaged, ((Number) answer.get("rejected")).longValue(), answer.toString());
        assertEquals(file.rows().size() - damaged, ((Number) answer.get("inserted")).longValue());
        for (Object p : (List<?>) answer.get("problems")) {
            Map<?, ?> problem = (Map<?, ?>) p;
            Row row = byLine.get(((Number) problem.get("line")).longValue());
            assertTrue(row != null && row.damage() != Damage.NONE, "rejected a good row or a wrong line: " + problem + " in " + describe(byLine));
            assertEquals(row.damage().field, problem.get("field"), problem.toString());
            assertTrue(!String.valueOf(problem.get("reason")).isBlank());
        }
        try (Connection c = DriverManager.getConnection(database.get("datasources.default.url"), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("""
                     select author_id, from_brand, kind, created_at, in_reply_to, text from message
                     where network = 'x' and message_id = ?""")) {
            for (int i = 0; i < file.rows().size(); i++) {
                Row row = file.rows().get(i);
                st.setString(1, prefix + i);
                try (ResultSet rs = st.executeQuery()) {
                    if (row.damage() != Damage.NONE) {
                        assertTrue(!rs.next() || row.damage() == Damage.SLASH_IN_NETWORK, "damaged row stored: " + row);
                        continue;
                    }
                    assertTrue(rs.next(), "good row lost: " + row);
                    assertEquals(row.author(), rs.getString(1));
                    assertEquals(row.fromBrand(), rs.getBoolean(2));
                    assertEquals(row.kind(), rs.getString(3));
                    assertEquals(row.createdAt().toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant());
                    assertEquals(row.inReplyTo(), rs.getString(5));
                    assertEquals(row.text(), rs.getString(6), "text stored exactly");
                }
            }
        }
    }

    private static String describe(Map<Long, Row> byLine) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(byLine).forEach((line, row) -> out.append("\n line ").append(line).append(": ").append(row.damage())
                .append(" quoted=").append(row.quoted()).append(" crEnd=").append(row.crEnd()).append(" text=")
                .append(row.text().chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                        .collect(java.util.stream.Collectors.joining())));
        return out.toString();
    }

    private static void write(ByteArrayOutputStream out, String id, Row row) {
        String network = row.damage() == Damage.SLASH_IN_NETWORK ? "x/y" : "x";
        String messageId = row.damage() == Damage.NO_ID ? "" : id;
        String flag = row.damage() == Damage.BAD_FLAG ? "maybe" : String.valueOf(row.fromBrand());
        String kind = row.damage() == Damage.UNKNOWN_KIND ? "shout" : row.kind();
        String created = switch (row.damage()) {
            case BAD_DATE -> "2026-02-30T10:00:00Z";
            case YEAR_ZERO -> "0000-03-01T10:00:00Z";
            case YEAR_10000 -> "+10000-03-01T10:00:00Z";
            case NEGATIVE_YEAR -> "-0001-03-01T10:00:00Z";
            default -> row.createdAt().toString();
        };
        String start = String.join(",", network, "Acme", messageId, row.author(), row.author(), flag, kind, created,
                row.inReplyTo() == null ? "" : row.inReplyTo());
        out.writeBytes(start.getBytes(StandardCharsets.UTF_8));
        if (row.damage() == Damage.MISSING_COLUMN) {
            return;
        }
        out.write(',');
        if (row.quoted()) {
            out.write('"');
        }
        String text = row.quoted() ? row.text().replace("\"", "\"\"") : row.text();
        out.writeBytes((row.damage() == Damage.NUL ? "\0" + text : text).getBytes(StandardCharsets.UTF_8));
        if (row.damage() == Damage.INVALID_UTF8) {
            out.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28});
        }
        if (row.quoted()) {
            out.write('"');
        }
    }

    /** Lines a row takes beyond its first: each LF or CRLF in its text, and each lone CR kept in quotes (as a parser counts them). */
    private static long extraLines(Row row) {
        if (row.damage() == Damage.MISSING_COLUMN) {
            return 0; // written without its text
        }
        String text = row.text();
        long lines = 0;
        for (int i = 0; i < text.length(); i++) {
            boolean crAlone = text.charAt(i) == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            if (text.charAt(i) == '\n' || row.quoted() && crAlone) {
                lines++;
            }
        }
        return lines;
    }

    private static byte[] lineEnd(LineEnds ends, boolean crEnd) {
        return switch (ends) {
            case LF -> new byte[]{'\n'};
            case CRLF -> new byte[]{'\r', '\n'};
            case CR -> new byte[]{'\r'};
            case MIXED -> crEnd ? new byte[]{'\r'} : new byte[]{'\n'};
        };
    }

    @Provide
    Arbitrary<File> files() {
        Arbitrary<LineEnds> ends = Arbitraries.of(LineEnds.class);
        return Combinators.combine(ends, Arbitraries.of(true, false), rows().list().ofMinSize(1).ofMaxSize(25))
                .as((lineEnds, bom, rows) -> new File(fit(rows, lineEnds), lineEnds, bom));
    }

    /**
     * What each line-end style can carry unambiguously: a bare CR in unquoted text is text only in a file
     * whose rows end in LF or CRLF; where CRs end rows, such text is quoted (as any CSV writer does).
     */
    private static List<Row> fit(List<Row> rows, LineEnds ends) {
        List<Row> fitted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean quoted = r.quoted() || needsQuotes(r.text(), ends);
            boolean nextComplete = i + 1 == rows.size() || rows.get(i + 1).damage() != Damage.MISSING_COLUMN;
            boolean crEnd = ends == LineEnds.MIXED && r.crEnd() && r.damage() != Damage.MISSING_COLUMN && nextComplete;
            fitted.add(new Row(r.damage(), r.author(), r.fromBrand(), r.kind(), r.createdAt(), r.inReplyTo(), r.text(), quoted, crEnd));
        }
        return fitted;
    }

    private static boolean needsQuotes(String text, LineEnds ends) {
        boolean special = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n') || text.startsWith(" ");
        boolean crMatters = text.indexOf('\r') >= 0 && ends != LineEnds.LF && ends != LineEnds.CRLF;
        return special || crMatters || text.endsWith("\r");
    }

    private Arbitrary<Row> rows() {
        Arbitrary<Damage> damage = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(24, Arbitraries.just(Damage.NONE)),
                net.jqwik.api.Tuple.of(11, Arbitraries.of(Damage.class).filter(d -> d != Damage.NONE)));
        Arbitrary<String> author = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> kind = Arbitraries.of("post", "reply", "mention", "comment", "direct", "share", "reaction");
        Arbitrary<OffsetDateTime> created = Combinators.combine(
                Arbitraries.longs().between(Instant.parse("0001-01-02T00:00:00Z").getEpochSecond(), Instant.parse("9999-12-30T00:00:00Z").getEpochSecond()),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((seconds, offsetMinutes) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds),
                        java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
        Arbitrary<String> parent = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).injectNull(0.5);
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("abc XYZ,\"\n\r;'\\")
                .withChars('\uE000', '\uFFFF', '\uFEFF', 'é', '\u00A0', '\t')
                .withCharRange('\u4E00', '\u4E10')
                .ofMaxLength(40)
                .map(s -> s.replace("\r\n", "\n"));
        Arbitrary<String> special = Arbitraries.of("😀 emoji", "\uE000", "\uFFFF", "", " leading space", "a\rb", "\\.", "x\uDBFF\uDFFE");
        text = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(1, special));
        return Combinators.combine(damage, author, Arbitraries.of(true, false), kind, created, parent, text, Arbitraries.of(true, false))
                .as((d, a, brand, k, at, p, t, crEnd) -> new Row(d, a, brand, k, at, p, t, false, crEnd));
    }
}
