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

/** Starts the dashboard and the API (with an embedded PostgreSQL unless DATASOURCES_DEFAULT_URL is set). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the dashboard and the API (the default command). Data lives in RAPPORT_DATA_DIR "
                + "(default ~/.rapport) unless DATASOURCES_DEFAULT_URL names a PostgreSQL of your own.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: MICRONAUT_SERVER_PORT or 8080)")
    Integer port;

    private ApplicationContext context;

    @Override
    public Integer call() throws Exception {
        Optional<EmbeddedDatabase> database = EmbeddedDatabase.startUnlessConfigured(System.getenv());
        Map<String, Object> properties = new HashMap<>(database.map(EmbeddedDatabase::datasourceProperties).orElse(Map.of()));
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        ApplicationContext started = Micronaut.build(new String[0]).mainClass(Application.class).properties(properties).start();
        context = started;
        // the database stops after the application, so that running imports can finish or abort cleanly first
        database.ifPresent(db -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            db.close();
        }, "embedded-postgres-stop")));
        return 0;
    }

    /** Whether a server was started (then the process keeps running until it is stopped). */
    public boolean running() {
        return context != null && context.isRunning();
    }
}
