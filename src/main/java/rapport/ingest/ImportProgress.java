package rapport.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Live progress of a running import, readable while the import's transaction is still open. */
final class ImportProgress {
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final long bytesTotal;
    volatile String phase = "reading";

    ImportProgress(long bytesTotal) {
        this.bytesTotal = bytesTotal;
    }
}
