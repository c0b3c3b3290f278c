package rapport.cli;

/** A command could not do its work; the message is the one line the user reads (exit code 1). */
public class CommandFailed extends RuntimeException {

    static final int EXIT_CODE = 1;

    public CommandFailed(String message) {
        super(message);
    }
}
