package rapport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits password guessing without handing anyone a way to lock a user out:
 * <ul>
 *   <li>5 failed sign-ins per user name <em>and client address</em> lock that pair for 15 minutes: a stranger
 *       locks out only their own address;</li>
 *   <li>50 failures per address (offices share one) lock the address;</li>
 *   <li>across all addresses, from the 10th failure on a user name, attempts from addresses the user has not
 *       signed in from are spaced out (1 s, doubling, at most 30 s): guessing from many addresses slows to a crawl,
 *       while the real user waits at most 30 s on a new address and not at all on a known one.</li>
 * </ul>
 * An attempt takes its place in the counts <em>before</em> the password is checked, atomically, so parallel
 * guesses cannot all slip in before the first failure is counted.
 */
@Singleton
class LoginRateLimiter {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 50;
    static final int BACKOFF_FROM = 10;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration KNOWN_ADDRESS = Duration.ofDays(30);

    private final Clock clock;
    private final Cache<String, AtomicInteger> failures;
    private final Cache<String, UserBackoff> backoff;
    private final Cache<String, Boolean> knownAddresses;

    @Inject
    LoginRateLimiter() {
        this(Clock.systemUTC());
    }

    LoginRateLimiter(Clock clock) {
        this.clock = clock;
        this.failures = Caffeine.newBuilder().ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(WINDOW).maximumSize(100_000).build();
        this.backoff = Caffeine.newBuilder().ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(WINDOW).maximumSize(100_000).build();
        this.knownAddresses = Caffeine.newBuilder().ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(KNOWN_ADDRESS).maximumSize(100_000).build();
    }

    /** Refused for this long, or empty: the attempt is counted and may go on to check the password. */
    Optional<Duration> attempt(String username, String address) {
        if (failures.get(pair(username, address), k -> new AtomicInteger()).incrementAndGet() > MAX_FAILURES
                || failures.get("addr:" + address, k -> new AtomicInteger()).incrementAndGet() > MAX_FAILURES_PER_ADDRESS) {
            return Optional.of(WINDOW);
        }
        if (knownAddresses.getIfPresent(pair(username, address)) != null) {
            return Optional.empty();
        }
        return backoff.get(username, k -> new UserBackoff()).take(clock.instant());
    }

    /** The password was wrong: the attempt stays counted, and the user's failures everywhere grow. */
    void failed(String username) {
        backoff.get(username, k -> new UserBackoff()).failed();
    }

    /** Signed in: this address is the user's now, and the counts the attempt took are given back. */
    void succeeded(String username, String address) {
        failures.invalidate(pair(username, address));
        AtomicInteger perAddress = failures.getIfPresent("addr:" + address);
        if (perAddress != null) {
            perAddress.decrementAndGet();
        }
        knownAddresses.put(pair(username, address), Boolean.TRUE);
    }

    private static String pair(String username, String address) {
        return "pair:" + username + "\u0000" + address;
    }

    /** One user name's failures from everywhere, and when the next attempt from a new address may be made. */
    private static final class UserBackoff {
        private int failures;
        private Instant next = Instant.MIN;

        synchronized Optional<Duration> take(Instant now) {
            if (failures < BACKOFF_FROM) {
                return Optional.empty();
            }
            if (now.isBefore(next)) {
                return Optional.of(Duration.between(now, next));
            }
            long seconds = 1L << Math.min(failures - BACKOFF_FROM, 5);
            next = now.plus(Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds())));
            return Optional.empty();
        }

        synchronized void failed() {
            failures++;
        }
    }
}
