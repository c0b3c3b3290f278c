package rapport.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, finding 8: a stranger guessing from elsewhere locks out only themselves; the real user gets in. */
class LoginRateLimiterTest {

    /** A clock the test moves by hand: no waiting, no timing. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static void fail(LoginRateLimiter limiter, String user, String address) {
        assertEquals(Optional.empty(), limiter.attempt(user, address));
        limiter.failed(user);
    }

    @Test
    void aStrangerLocksOnlyTheirOwnAddress() {
        LoginRateLimiter limiter = new LoginRateLimiter(new HandClock());
        limiter.attempt("ann", "10.0.0.1");
        limiter.succeeded("ann", "10.0.0.1");
        for (int i = 0; i < LoginRateLimiter.MAX_FAILURES; i++) {
            fail(limiter, "ann", "203.0.113.9");
        }
        assertTrue(limiter.attempt("ann", "203.0.113.9").isPresent(), "the stranger's address is locked");
        assertEquals(Optional.empty(), limiter.attempt("ann", "10.0.0.1"), "ann's own address is not");
    }

    @Test
    void guessingFromManyAddressesIsSlowedButNeverLocksTheUserOut() {
        HandClock clock = new HandClock();
        LoginRateLimiter limiter = new LoginRateLimiter(clock);
        limiter.attempt("ann", "10.0.0.1");
        limiter.succeeded("ann", "10.0.0.1");
        for (int i = 0; i < 40; i++) {
            String address = "198.51.100." + i;
            Optional<Duration> refused = limiter.attempt("ann", address);
            if (refused.isEmpty()) {
                limiter.failed("ann");
            } else {
                assertTrue(refused.get().compareTo(LoginRateLimiter.MAX_BACKOFF) <= 0, refused.toString());
                clock.now = clock.now.plus(refused.get());
            }
        }
        assertEquals(Optional.empty(), limiter.attempt("ann", "10.0.0.1"), "from a known address: no wait at all");
        Optional<Duration> fromNew = limiter.attempt("ann", "192.0.2.7");
        if (fromNew.isPresent()) {
            assertTrue(fromNew.get().compareTo(LoginRateLimiter.MAX_BACKOFF) <= 0, "a new address waits at most 30 s");
            clock.now = clock.now.plus(fromNew.get());
            assertEquals(Optional.empty(), limiter.attempt("ann", "192.0.2.7"));
        }
    }
}
