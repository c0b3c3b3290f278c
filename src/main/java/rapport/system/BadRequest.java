package rapport.system;

/** The caller asked for something that cannot be done as asked; the message says which parameter and why. */
public class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
