package rapport.metrics.memory;

/**
 * An inbound turn (METRICS.md §3): a run of person messages in one thread, opened by {@code person} at
 * {@code startMicros}; answered when a brand message followed, {@code responseMicros} later (else -1).
 */
record Turn(int person, long startMicros, long responseMicros) {

    boolean answered() {
        return responseMicros >= 0;
    }
}
