package rapport.system;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health}'s database entry: one {@code select 1} through the pool, timed in milliseconds. It fails
 * within the pool's short connection timeout when the database is down, and reports UP again as soon as it
 * is back (the pool reconnects by itself).
 */
@Singleton
@Readiness
class DatabaseHealth implements HealthIndicator {

    private final Database database;
    private final ExecutorService blocking;

    DatabaseHealth(Database database, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.database = database;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        long began = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        try (Connection c = database.connection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            st.execute("select 1");
            status = HealthStatus.UP;
        } catch (SQLException | RuntimeException e) {
            status = HealthStatus.DOWN;
            details.put("error", DatabaseUnavailable.causedBy(e) ? ErrorBodies.DATABASE_UNAVAILABLE : "database check failed");
        }
        details.put("responseMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        return HealthResult.builder("database", status).details(details).build();
    }
}
