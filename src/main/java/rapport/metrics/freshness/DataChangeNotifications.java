package rapport.metrics.freshness;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.system.DataChanged;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the database's 'data_changed' notifications (migration V10: sent when a writer commits, whoever and on
 * whichever app instance it was) into local {@link DataChanged} events, so that every instance lets go of what
 * the new data versions made unreachable. Correctness never waits for it: requests read the versions anyway.
 */
@Singleton
class DataChangeNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(DataChangeNotifications.class);

    private final Database database;
    private final ApplicationEventPublisher<DataChanged> publisher;
    private volatile boolean running = true;
    private Thread listener;

    DataChangeNotifications(Database database, ApplicationEventPublisher<DataChanged> publisher) {
        this.database = database;
        this.publisher = publisher;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        listener = new Thread(this::listen, "data-changed-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = database.connection(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("listen data_changed");
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        Arrays.stream(notifications).forEach(n -> publisher.publishEvent(event(n.getParameter())));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Listening for data changes failed; listening again in 5 s", e);
                try {
                    Thread.sleep(5_000);
                    // changes committed meanwhile were not heard: let go of whatever is no longer current
                    publisher.publishEvent(new DataChanged("listener reconnected"));
                } catch (InterruptedException interrupted) {
                    return;
                } catch (RuntimeException stillDown) {
                    LOG.warn("The database is still unavailable: {}", stillDown.getMessage());
                }
            }
        }
    }

    static DataChanged event(String payload) {
        if (payload.equals("*")) {
            return new DataChanged("notified");
        }
        Set<Integer> ids = Arrays.stream(payload.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
        return DataChanged.ofAccounts("notified", ids);
    }
}
