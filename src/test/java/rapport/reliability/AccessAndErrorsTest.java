package rapport.reliability;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, findings 8, 9, 12 and 13 over HTTP: a lockout parallel guesses cannot race, revocations that stick,
 * unchecked parameters that answer 400, and every error in one shape that tells nothing of the server's insides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessAndErrorsTest {

    Map<String, String> database;
    RunningApp app;

    @BeforeAll
    void start() {
        database = new HashMap<>(TestDatabase.fresh());
        database.put("rapport.test.failing-routes", "true");
        app = new RunningApp(database);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private RunningApp.Answer login(RunningApp on, String user, String password) {
        return on.anonymous(HttpRequest.POST("/login", Map.of("username", user, "password", password)));
    }

    private void createUser(String name, String role) {
        assertEquals(201, app.call(HttpRequest.POST("/api/users", Map.of("username", name, "password", name + "-password-long", "role", role))).status());
    }

    @Test
    void twentyParallelWrongPasswordsGetFiveTriesAndNoMore() throws Exception {
        createUser("erin", "viewer");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                guesses.add(() -> login(app, "erin", "guess").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(guesses)) {
                statuses.add(f.get());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
            assertEquals(15, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRevokedBootstrapTokenStaysRevokedAfterARestart() {
        RunningApp.Answer created = app.call(HttpRequest.POST("/api/tokens", Map.of("name", "ci", "role", "admin")));
        String other = (String) created.get("token");
        Map<String, String> second = new HashMap<>(database);
        second.put("rapport.bootstrap-token", "rpt_a-second-bootstrap-token-0123456789");
        try (RunningApp first = new RunningApp(second)) {
            List<?> tokens = (List<?>) first.anonymous(HttpRequest.GET("/api/tokens").bearerAuth(other)).json();
            Object id = tokens.stream().map(t -> (Map<?, ?>) t).filter(t -> "RAPPORT_BOOTSTRAP_TOKEN".equals(t.get("createdBy"))
                    && t.get("revokedAt") == null).map(t -> t.get("id")).reduce((a, b) -> b).orElseThrow();
            assertEquals(204, first.anonymous(HttpRequest.DELETE("/api/tokens/" + id).bearerAuth(other)).status());
        }
        try (RunningApp restarted = new RunningApp(second)) {
            assertEquals(401, restarted.anonymous(HttpRequest.GET("/api/accounts").bearerAuth("rpt_a-second-bootstrap-token-0123456789")).status());
            assertEquals(200, restarted.anonymous(HttpRequest.GET("/api/accounts").bearerAuth(other)).status());
        }
    }

    @Test
    void deletingAUserRevokesTheTokensTheyMade() {
        createUser("frank", "admin");
        RunningApp.Answer signedIn = login(app, "frank", "frank-password-long");
        assertEquals(200, signedIn.status());
        Cookie session = sessionOf("frank");
        String csrf = (String) app.anonymous(HttpRequest.GET("/api/me").cookie(session)).get("csrfToken");
        String token = (String) app.anonymous(HttpRequest.POST("/api/tokens", Map.of("name", "frank's", "role", "analyst"))
                .cookie(session).header("X-CSRF-Token", csrf)).get("token");
        assertEquals(200, app.anonymous(HttpRequest.GET("/api/accounts").bearerAuth(token)).status());

        assertEquals(204, app.call(HttpRequest.DELETE("/api/users/frank")).status());

        assertEquals(401, app.anonymous(HttpRequest.GET("/api/accounts").bearerAuth(token)).status());
    }

    @Test
    void signingInAgainWhileSignedInWorksAndAnApiTokenIsNoSessionCookie() {
        createUser("gina", "admin");
        Cookie session = sessionOf("gina");
        RunningApp.Answer again = app.anonymous(HttpRequest.POST("/login", Map.of("username", "gina", "password", "gina-password-long")).cookie(session));
        assertEquals(200, again.status(), again.toString());
        // a token in the session cookie is not a credential: a forged form post carrying it gets nowhere
        RunningApp.Answer asCookie = app.anonymous(HttpRequest.POST("/api/tokens", Map.of("name", "x", "role", "admin"))
                .cookie(Cookie.of("rapport_session", TestDatabase.ADMIN_TOKEN)));
        assertEquals(401, asCookie.status(), asCookie.toString());
    }

    @Test
    void aLoginRedirectHoldingATabGoesHome() {
        createUser("hugo", "viewer");
        var response = app.http.toBlocking().exchange(HttpRequest.POST("/login",
                "username=hugo&password=hugo-password-long&next=/%09/evil.example").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertEquals(303, response.getStatus().getCode());
        assertEquals("/", response.header("Location"));
    }

    @Test
    void everyErrorHasOneShapeAndA500SaysNothingOfTheInsides() {
        createUser("ivy", "viewer");
        Cookie viewer = sessionOf("ivy");
        Map<String, RunningApp.Answer> answers = new HashMap<>();
        answers.put("400 negative limit", app.get("/api/imports?limit=-1"));
        answers.put("400 negative problems limit", app.get("/api/imports/1/problems?limit=-5"));
        answers.put("400 not a number", app.get("/api/imports?limit=abc"));
        answers.put("401", app.anonymous(HttpRequest.GET("/api/accounts")));
        answers.put("403", app.anonymous(HttpRequest.GET("/api/tokens").cookie(viewer)));
        answers.put("404 route", app.get("/api/no-such-thing"));
        answers.put("404 import", app.get("/api/imports/999999"));
        answers.put("500 heap", app.anonymous(HttpRequest.GET("/test/fail/heap")));
        answers.put("500 state", app.anonymous(HttpRequest.GET("/test/fail/state")));
        answers.forEach((what, answer) -> {
            assertEquals(Integer.parseInt(what.substring(0, 3)), answer.status(), what + ": " + answer);
            assertNotNull(answer.body(), what);
            assertEquals(List.of("error"), List.copyOf(answer.body().keySet()), what + ": " + answer);
            String error = String.valueOf(answer.get("error"));
            assertFalse(error.isBlank(), what);
            assertFalse(error.contains("heap") || error.contains("password_hash") || error.contains("Exception"), what + ": " + error);
        });
        assertTrue(String.valueOf(answers.get("400 negative limit").get("error")).startsWith("limit:"));
    }

    @Test
    void aTooLargeBodyIsA413InTheSameShape() {
        Map<String, String> small = new HashMap<>(database);
        small.put("micronaut.server.max-request-size", "1000");
        try (RunningApp limited = new RunningApp(small)) {
            RunningApp.Answer answer = limited.call(HttpRequest.POST("/api/users", Map.of("username", "x".repeat(5000), "password", "p", "role", "viewer")));
            assertEquals(413, answer.status(), answer.toString());
            assertEquals(List.of("error"), List.copyOf(answer.body().keySet()));
        }
    }

    private Cookie sessionOf(String user) {
        var response = app.http.toBlocking().exchange(HttpRequest.POST("/login", Map.of("username", user, "password", user + "-password-long")), Map.class);
        return response.getCookie("rapport_session").orElseThrow();
    }
}
