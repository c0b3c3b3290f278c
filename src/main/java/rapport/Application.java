package rapport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import rapport.ingest.cli.ImportCommand;
import rapport.system.EmbeddedDatabase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

public class Application {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(args));
        }
        Optional<EmbeddedDatabase> database = EmbeddedDatabase.startUnlessConfigured(System.getenv());
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.map(EmbeddedDatabase::datasourceProperties).orElse(Map.of()))
                .start();
        // the database stops after the application (which Micronaut's own hook stops), so that running
        // imports can finish or abort cleanly first
        database.ifPresent(db -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitStopped(context);
            db.close();
        }, "embedded-postgres-stop")));
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
