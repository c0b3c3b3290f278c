package rapport.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how long each phase of an import took, so a slow import says where its time went. */
final class PhaseTimer {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseTimer.class);

    private final long importId;
    private long last = System.nanoTime();

    PhaseTimer(long importId) {
        this.importId = importId;
    }

    void done(String phase) {
        long now = System.nanoTime();
        LOG.info("import {}: {} in {} ms", importId, phase, (now - last) / 1_000_000);
        last = now;
    }
}
