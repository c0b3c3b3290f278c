package rapport;

import io.micronaut.runtime.Micronaut;
import rapport.ingest.cli.ImportCommand;
import rapport.system.EmbeddedDatabase;

import java.util.Map;

public class Application {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(args));
        }
        Map<String, Object> database = EmbeddedDatabase.startUnlessConfigured(System.getenv());
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database)
                .start();
    }
}
