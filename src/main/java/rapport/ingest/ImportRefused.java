package rapport.ingest;

import rapport.system.BadRequest;

/** The file as a whole cannot be imported (wrong format, no header, empty body): a 400, nothing is written. */
public class ImportRefused extends BadRequest {
    public ImportRefused(String message) {
        super(message);
    }
}
