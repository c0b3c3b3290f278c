package rapport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most 5 failed sign-ins per user name, and 50 per client address (offices share one), in 15 minutes.
 */
@Singleton
class LoginRateLimiter {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

    boolean blocked(String username, String address) {
        return count("user:" + username) >= MAX_FAILURES || count("addr:" + address) >= MAX_FAILURES_PER_ADDRESS;
    }

    void failed(String username, String address) {
        failures.get("user:" + username, k -> new AtomicInteger()).incrementAndGet();
        failures.get("addr:" + address, k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String username) {
        failures.invalidate("user:" + username);
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
