package rapport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import rapport.ingest.cli.ImportCommand;
import rapport.system.EmbeddedDatabase;

import java.util.Map;
import java.util.Optional;

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
        // the database stops after the application, so that running imports can finish or abort cleanly first
        database.ifPresent(db -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            db.close();
        }, "embedded-postgres-stop")));
    }
}
