package rapport.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import rapport.ingest.cli.ImportCommand;

import java.util.concurrent.Callable;

/**
 * The jar's command line: {@code serve} (the default) or {@code import}. Usage mistakes print the usage and
 * exit 2; a command that fails prints one line saying why and exits 1, never a stack trace.
 */
@Command(name = "rapport", mixinStandardHelpOptions = true, versionProvider = RapportVersion.class,
        description = "Relationship-quality metrics for brands on social media.%n"
                + "With no command, starts the dashboard (as 'serve'). Settings are environment variables: see README.md.",
        subcommands = CommandLine.HelpCommand.class)
public final class RapportCommand implements Callable<Integer> {

    private final ServeCommand serve;

    private RapportCommand(ServeCommand serve) {
        this.serve = serve;
    }

    /** The command line, with {@code serve} as the given instance (the caller asks it whether a server runs). */
    public static CommandLine commandLine(ServeCommand serve) {
        CommandLine cli = new CommandLine(new RapportCommand(serve))
                .addSubcommand("serve", serve)
                .addSubcommand("import", new ImportCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            line.getErr().println("rapport: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, line.getErr());
            line.usage(line.getErr());
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("rapport: " + (e instanceof CommandFailed ? e.getMessage() : oneLine(e)));
            return CommandFailed.EXIT_CODE;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return serve.call();
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
