package rapport.security;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.AdminTokenClientFilter;
import rapport.FreshDatabase;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing a role and setting a password: effective at once, refused with a reason that names the field. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessAdminTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aNewRoleAndANewPasswordTakeEffectAtOnce() {
        client.toBlocking().exchange(HttpRequest.POST("/api/users",
                Map.of("username", "dana", "password", "dana-password-1", "role", "viewer")));
        String cookie = signIn("dana", "dana-password-1");
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/api/export/metrics.csv").cookie(
                Cookie.of(Sessions.COOKIE, cookie)).header(AdminTokenClientFilter.ANONYMOUS, "yes")));

        Map<?, ?> changed = client.toBlocking().retrieve(HttpRequest.PUT("/api/users/dana/role", Map.of("role", "analyst")), Map.class);
        assertEquals("analyst", changed.get("role"));
        assertEquals("analyst", client.toBlocking().retrieve(HttpRequest.GET("/api/me")
                .cookie(Cookie.of(Sessions.COOKIE, cookie)).header(AdminTokenClientFilter.ANONYMOUS, "yes"),
                Map.class).get("role"), "the open session has the new role");

        client.toBlocking().exchange(HttpRequest.PUT("/api/users/dana/password", Map.of("password", "dana-password-2")));
        assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.GET("/api/me")
                .cookie(Cookie.of(Sessions.COOKIE, cookie)).header(AdminTokenClientFilter.ANONYMOUS, "yes")),
                "a new password ends the user's sessions");
        signIn("dana", "dana-password-2");
    }

    @Test
    void mistakesAreRefusedWithTheirReason() {
        assertError(HttpStatus.BAD_REQUEST, "password: at least 12 characters",
                HttpRequest.PUT("/api/users/admin/password", Map.of("password", "short")));
        assertError(HttpStatus.BAD_REQUEST, "role: must be viewer, analyst or admin",
                HttpRequest.PUT("/api/users/admin/role", Map.of("role", "owner")));
        assertEquals(HttpStatus.NOT_FOUND, status(HttpRequest.PUT("/api/users/nobody/role", Map.of("role", "viewer"))));
        assertEquals(HttpStatus.NOT_FOUND, status(HttpRequest.PUT("/api/users/nobody/password", Map.of("password", "long-enough-password"))));
    }

    private String signIn(String username, String password) {
        return client.toBlocking().exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                        .header(AdminTokenClientFilter.ANONYMOUS, "yes"))
                .getCookie(Sessions.COOKIE).orElseThrow().getValue();
    }

    private HttpStatus status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private void assertError(HttpStatus status, String error, HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(String.class)));
        assertEquals(status, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains(error), e.getResponse().getBody(String.class).orElse(""));
    }
}
