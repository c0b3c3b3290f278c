package rapport;

import rapport.cli.RapportCommand;
import rapport.cli.ServeCommand;

/** {@code java -jar rapport.jar [serve | import … | --help | --version]}: see {@link RapportCommand}. */
public class Application {

    public static void main(String[] args) {
        ServeCommand serve = new ServeCommand();
        int code = RapportCommand.commandLine(serve).execute(args);
        if (!serve.running()) {
            System.exit(code);
        }
    }
}
