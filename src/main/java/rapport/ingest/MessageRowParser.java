package rapport.ingest;

import rapport.ingest.source.SourceRow;

import java.util.Locale;

/** Native messages, as CSV or NDJSON (METRICS.md §7): one source row to one message. */
final class MessageRowParser {

    private MessageRowParser() {
    }

    static MessageRow parse(SourceRow row) throws RowRejected {
        row.checkWellFormed();
        String kind = row.required("kind").strip().toLowerCase(Locale.ROOT);
        if (!MessageKinds.ALL.contains(kind)) {
            throw new RowRejected("kind", "unknown kind '" + kind + "'; expected one of post, reply, mention, comment, direct, share, reaction");
        }
        String text = row.optional("text");
        return new MessageRow(row.line(),
                FieldParsers.network(row),
                row.required("account").strip(),
                row.required("message_id").strip(),
                row.required("author_id").strip(),
                row.optional("author_handle"),
                FieldParsers.bool(row, "from_brand"),
                kind,
                FieldParsers.instant(row, "created_at"),
                blankToNull(row.optional("in_reply_to")),
                text == null ? "" : text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
