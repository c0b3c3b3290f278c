package rapport.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rapport.Application;
import rapport.system.EmbeddedDatabase;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Starts the dashboard and the API (with an embedded PostgreSQL unless DATASOURCES_DEFAULT_URL is set). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the dashboard and the API (the default command). Data lives in RAPPORT_DATA_DIR "
                + "(default ~/.rapport) unless DATASOURCES_DEFAULT_URL names a PostgreSQL of your own.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: MICRONAUT_SERVER_PORT or 8080)")
    Integer port;

    private volatile ApplicationContext context;

    @Override
    public Integer call() throws Exception {
        Optional<EmbeddedDatabase> database = EmbeddedDatabase.startUnlessConfigured(System.getenv());
        Map<String, Object> properties = new HashMap<>(database.map(EmbeddedDatabase::datasourceProperties).orElse(Map.of()));
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        // the database stops after the application (which Micronaut's own hook stops), so that running
        // imports can finish or abort cleanly first; also when the application fails to start and exits
        database.ifPresent(db -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ApplicationContext started = context;
            if (started != null) {
                awaitStopped(started);
            }
            db.close();
        }, "embedded-postgres-stop")));
        context = Micronaut.build(new String[0]).mainClass(Application.class).properties(properties).start();
        return 0;
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

    /** Whether a server was started (then the process keeps running until it is stopped). */
    public boolean running() {
        return context != null && context.isRunning();
    }
}
