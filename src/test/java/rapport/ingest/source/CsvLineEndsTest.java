package rapport.ingest.source;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 12, finding 11: byte order marks, CR-only and mixed line ends, and characters that once were markers. */
class CsvLineEndsTest {

    private static List<SourceRow> rows(byte[] file) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        try (RowSource source = RowSource.csv(new ByteArrayInputStream(file), List.of("a", "b", "c"))) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<SourceRow> rows(String file) throws IOException {
        return rows(file.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(List<SourceRow> rows) {
        List<String> out = new ArrayList<>();
        for (SourceRow r : rows) {
            out.add(r.line() + ":" + (r.problem() != null ? "!" + r.problem() : r.optional("a") + "|" + r.optional("b") + "|" + r.optional("c")));
        }
        return String.join(" ", out);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);
        assertEquals("2:1|2|3", describe(rows(file)));
    }

    @Test
    void crOnlyLineEndsEndRows() throws IOException {
        assertEquals("2:1|2|3 3:4|5|6 4:7|8|x\ny", describe(rows("a,b,c\r1,2,3\r4,5,6\r7,8,\"x\ny\"\r")));
    }

    @Test
    void aCrLineEndInAFileOfLfLineEndsEndsItsRow() throws IOException {
        assertEquals("2:1|2|3 3:4|5|6 4:7|8|9", describe(rows("a,b,c\n1,2,3\r4,5,6\n7,8,9\n")));
        assertEquals("2:1|2|3 3:4|5|6 4:7|8|9", describe(rows("a,b,c\r\n1,2,3\r4,5,6\r\n7,8,9\r\n")));
    }

    @Test
    void aBareCrInsideTextStaysText() throws IOException {
        List<SourceRow> rows = rows("a,b,c\n1,x\ry,3\n4,5,last\rcolumn\n7,8,\"quoted\rcr\"\n");
        assertEquals(3, rows.size(), describe(rows));
        assertEquals("x\ry", rows.get(0).optional("b"));
        assertEquals("last\rcolumn", rows.get(1).optional("c"));
        assertEquals("quoted\rcr", rows.get(2).optional("c"));
    }

    @Test
    void privateUseAndNonCharactersAreText() throws IOException {
        List<SourceRow> rows = rows("a,b,c\n\uE000,\uFFFF,\uDBFF\uDFFE\uD83D\uDE00\n");
        assertNull(rows.get(0).problem());
        assertEquals("\uE000", rows.get(0).optional("a"));
        assertEquals("\uFFFF", rows.get(0).optional("b"));
        assertEquals("\uDBFF\uDFFE\uD83D\uDE00", rows.get(0).optional("c"));
    }

    @Test
    void aCrFirstInTheLastColumnIsText() throws IOException {
        assertEquals("2:1|2|\ra", describe(rows("a,b,c\n1,2,\ra\n")));
        assertEquals("2:1|null|\ra", describe(rows("\uFEFFa,b,c\n1,,\ra\n")));
    }
}
