package rapport.security;

import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;

/** Who is calling: a user with a session (which has a CSRF token) or a program with an API token (which has none). */
record Caller(String name, Role role, String csrfToken) {

    static final String CSRF_ATTRIBUTE = "csrf";
    static final String ROLE_ATTRIBUTE = "role";

    Authentication authentication() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ROLE_ATTRIBUTE, role.key());
        if (csrfToken != null) {
            attributes.put(CSRF_ATTRIBUTE, csrfToken);
        }
        return Authentication.build(name, role.granted(), attributes);
    }
}
