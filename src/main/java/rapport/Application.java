package rapport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import rapport.ingest.cli.ImportCommand;
import rapport.system.EmbeddedDatabase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

public class Application {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(args));
        }
        Optional<EmbeddedDatabase> database = EmbeddedDatabase.startUnlessConfigured(System.getenv());
        AtomicReference<ApplicationContext> application = new AtomicReference<>();
        // the database stops after the application (which Micronaut's own hook stops), so that running
        // imports can finish or abort cleanly first; also when the application fails to start and exits
        database.ifPresent(db -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (application.get() != null) {
                awaitStopped(application.get());
            }
            db.close();
        }, "embedded-postgres-stop")));
        application.set(Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.map(EmbeddedDatabase::datasourceProperties).orElse(Map.of()))
                .start());
    }

    private static void awaitStopped(ApplicationContext context) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try {
            while (context.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // stop() holds the context's monitor until every bean is destroyed
        synchronized (context) {
            return;
        }
    }
}
