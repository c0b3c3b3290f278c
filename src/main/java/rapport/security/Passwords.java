package rapport.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** Password hashing with bcrypt (cost 12). */
final class Passwords {

    private static final int COST = 12;
    /** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private static final String DUMMY = new String(BCrypt.withDefaults().hash(COST, "dummy".toCharArray()), StandardCharsets.UTF_8);

    private Passwords() {
    }

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    static boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? DUMMY : hash).verified && hash != null;
    }
}
