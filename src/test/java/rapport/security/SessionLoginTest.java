package rapport.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import rapport.TestDatabase;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browser sessions: the cookie's flags, CSRF on state-changing requests, rate-limited sign-in. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLoginTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    HttpResponse<Map> login(String username, String password) {
        return client.toBlocking().exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .header(AdminTokenClientFilter.ANONYMOUS, "1"), Map.class);
    }

    @Test
    void aSessionCookieIsHttpOnlyAndSameSiteAndStateChangesNeedTheCsrfToken() {
        HttpResponse<Map> response = login("admin", TestDatabase.ADMIN_PASSWORD);
        String setCookie = response.header("Set-Cookie");
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        Cookie session = response.getCookie("rapport_session").orElseThrow();

        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/me").cookie(session).header(AdminTokenClientFilter.ANONYMOUS, "1"), Map.class);
        assertEquals("admin", me.get("username"));
        String csrf = (String) me.get("csrfToken");

        HttpClientResponseException forged = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/tokens", Map.of("name", "x", "role", "viewer")).cookie(session).header(AdminTokenClientFilter.ANONYMOUS, "1")));
        assertEquals(403, forged.getStatus().getCode());

        HttpResponse<Map> allowed = client.toBlocking().exchange(HttpRequest.POST("/api/tokens", Map.of("name", "x", "role", "viewer"))
                .cookie(session).header("X-CSRF-Token", csrf).header(AdminTokenClientFilter.ANONYMOUS, "1"), Map.class);
        assertEquals(201, allowed.getStatus().getCode());

        client.toBlocking().exchange(HttpRequest.POST("/logout", "").cookie(session).header("X-CSRF-Token", csrf).header(AdminTokenClientFilter.ANONYMOUS, "1"));
        HttpClientResponseException afterLogout = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/api/me").cookie(session).header(AdminTokenClientFilter.ANONYMOUS, "1")));
        assertEquals(401, afterLogout.getStatus().getCode());
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsTurnedAwayFor15Minutes() {
        client.toBlocking().exchange(HttpRequest.POST("/api/users", Map.of("username", "dana", "password", "dana-password-long", "role", "viewer")));
        for (int i = 0; i < 5; i++) {
            HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> login("dana", "guess"));
            assertEquals(401, wrong.getStatus().getCode());
        }
        HttpClientResponseException locked = assertThrows(HttpClientResponseException.class, () -> login("dana", "dana-password-long"));
        assertEquals(429, locked.getStatus().getCode());
        assertEquals("900", locked.getResponse().header("Retry-After"));
    }

    @Test
    void aFormLoginRedirectsOnlyWithinTheSite() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/login",
                        "username=admin&password=" + TestDatabase.ADMIN_PASSWORD + "&next=https://evil.example/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header(AdminTokenClientFilter.ANONYMOUS, "1"), String.class);
        assertEquals(303, response.getStatus().getCode());
        assertEquals("/", response.header("Location"));
    }
}
