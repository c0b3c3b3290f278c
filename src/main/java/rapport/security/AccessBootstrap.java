package rapport.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: an admin user from RAPPORT_ADMIN_PASSWORD, or with a random password printed once to the
 * log; RAPPORT_BOOTSTRAP_TOKEN, when set, is an admin API token with exactly that value.
 */
@Singleton
class AccessBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

    private final AppUserRepository users;
    private final ApiTokens tokens;
    private final String adminPassword;
    private final String bootstrapToken;

    AccessBootstrap(AppUserRepository users, ApiTokens tokens,
                    @Nullable @Value("${rapport.admin-password:}") String adminPassword,
                    @Nullable @Value("${rapport.bootstrap-token:}") String bootstrapToken) {
        this.users = users;
        this.tokens = tokens;
        this.adminPassword = adminPassword;
        this.bootstrapToken = bootstrapToken;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (users.count() == 0) {
            boolean given = adminPassword != null && !adminPassword.isBlank();
            String password = given ? adminPassword : Secrets.newSecret("").substring(0, 20);
            users.save(new AppUser(null, "admin", Passwords.hash(password), Role.ADMIN.key(), null));
            if (given) {
                LOG.info("Created user 'admin' with the password from RAPPORT_ADMIN_PASSWORD");
            } else {
                LOG.warn("Created user 'admin' with password {} (shown once; set RAPPORT_ADMIN_PASSWORD to choose it)", password);
            }
        }
        if (bootstrapToken != null && !bootstrapToken.isBlank()) {
            if (!bootstrapToken.startsWith(Secrets.TOKEN_PREFIX) || bootstrapToken.length() < 24) {
                throw new IllegalStateException("RAPPORT_BOOTSTRAP_TOKEN must start with '" + Secrets.TOKEN_PREFIX + "' and hold at least 20 more characters");
            }
            if (!tokens.ensureBootstrap(bootstrapToken)) {
                LOG.warn("RAPPORT_BOOTSTRAP_TOKEN names a token that was revoked: it stays revoked (set a new value for a new token)");
            }
        }
    }
}
