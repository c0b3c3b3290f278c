package rapport.ingest;

/** One row cannot be imported; its neighbours can. */
public class RowRejected extends Exception {
    private final String field;

    public RowRejected(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
