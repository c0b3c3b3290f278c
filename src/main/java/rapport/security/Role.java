package rapport.security;

import rapport.system.BadRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Each role includes the ones below it: an admin is also an analyst and a viewer. */
public enum Role {
    VIEWER, ANALYST, ADMIN;

    /** Names used in {@code @Secured}. */
    public static final String VIEWER_ROLE = "viewer";
    public static final String ANALYST_ROLE = "analyst";
    public static final String ADMIN_ROLE = "admin";

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role below it, as granted to a caller. */
    public List<String> granted() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::key).toList();
    }

    public static Role fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new BadRequest("role: must be viewer, analyst or admin, not '" + key + "'"));
    }
}
