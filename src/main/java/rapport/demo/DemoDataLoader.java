package rapport.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.ingest.ImportFormat;
import rapport.ingest.ImportReport;
import rapport.ingest.Importer;
import rapport.system.Database;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** On first start with an empty database, loads the demo brand through the real import path. */
@Singleton
@Requires(property = "rapport.demo", value = "true", defaultValue = "true")
class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Importer importer;
    private final Database database;

    DemoDataLoader(Importer importer, Database database) {
        this.importer = importer;
        this.database = database;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!isEmpty()) {
            return;
        }
        DemoDataGenerator.DemoFiles files = new DemoDataGenerator(2026, Instant.now()).generate();
        load(ImportFormat.MESSAGES, "demo-messages.csv", files.messages());
        load(ImportFormat.FOLLOWERS, "demo-followers.csv", files.followers());
        load(ImportFormat.SURVEYS, "demo-surveys.csv", files.surveys());
    }

    private void load(ImportFormat format, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        long id = importer.begin(format, name, bytes.length);
        ImportReport report = importer.run(id, format, new ByteArrayInputStream(bytes));
        LOG.info("Demo data: {} {} rows imported ({} rejected); set RAPPORT_DEMO=false to start empty",
                report.inserted(), format.key(), report.rejected());
    }

    private boolean isEmpty() {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select not exists (select 1 from message) and not exists (select 1 from import)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
