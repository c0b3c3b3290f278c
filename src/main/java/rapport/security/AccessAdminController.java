package rapport.security;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import rapport.system.BadRequest;

import java.time.Instant;
import java.util.List;

/** Users and API tokens, managed by admins. */
@Controller("/api")
@Secured(Role.ADMIN_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccessAdminController {

    private final AppUserRepository users;
    private final UserSessionRepository sessions;
    private final ApiTokens tokens;

    AccessAdminController(AppUserRepository users, UserSessionRepository sessions, ApiTokens tokens) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    record UserView(String username, String role, Instant createdAt) {
    }

    record NewUser(String username, String password, String role) {
    }

    record NewToken(String name, String role) {
    }

    record RoleChange(String role) {
    }

    record PasswordChange(String password) {
    }

    record TokenView(int id, String name, String role, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    @Get("/users")
    List<UserView> users() {
        return users.listOrderByUsername().stream().map(u -> new UserView(u.username(), u.role(), u.createdAt())).toList();
    }

    @Post("/users")
    HttpResponse<UserView> createUser(@Body NewUser user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new BadRequest("username: required");
        }
        checkPassword(user.password());
        if (users.findByUsername(user.username().strip()).isPresent()) {
            throw new BadRequest("username: '" + user.username() + "' exists already");
        }
        AppUser saved = users.save(new AppUser(null, user.username().strip(), Passwords.hash(user.password()),
                Role.fromKey(user.role()).key(), null));
        return HttpResponse.created(new UserView(saved.username(), saved.role(), saved.createdAt()));
    }

    /** A new role takes effect on the user's next request: sessions read the role from the user. */
    @Put("/users/{username}/role")
    UserView changeRole(String username, @Body RoleChange change, Authentication me) {
        if (username.equals(me.getName())) {
            throw new BadRequest("username: you cannot change your own role (another admin can)");
        }
        Role role = Role.fromKey(change.role());
        if (users.updateRole(username, role.key()) == 0) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no user " + username);
        }
        AppUser saved = users.findByUsername(username).orElseThrow();
        return new UserView(saved.username(), saved.role(), saved.createdAt());
    }

    /** Sets a new password and signs the user out everywhere. */
    @Put("/users/{username}/password")
    HttpResponse<?> resetPassword(String username, @Body PasswordChange change) {
        checkPassword(change.password());
        if (users.updatePasswordHash(username, Passwords.hash(change.password())) == 0) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no user " + username);
        }
        sessions.deleteByUsername(username);
        return HttpResponse.noContent();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12) {
            throw new BadRequest("password: at least 12 characters");
        }
    }

    @Delete("/users/{username}")
    HttpResponse<?> deleteUser(String username, Authentication me) {
        if (username.equals(me.getName())) {
            throw new BadRequest("username: you cannot delete yourself");
        }
        if (users.deleteByUsername(username) == 0) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no user " + username);
        }
        return HttpResponse.noContent();
    }

    @Get("/tokens")
    List<TokenView> tokens() {
        return tokens.list().stream().map(t -> new TokenView(t.id(), t.name(), t.role(), t.createdBy(), t.createdAt(), t.revokedAt())).toList();
    }

    /** The token's secret is in this answer and nowhere else, ever. */
    @Post("/tokens")
    HttpResponse<ApiTokens.Created> createToken(@Body NewToken token, Authentication me) {
        if (token.name() == null || token.name().isBlank()) {
            throw new BadRequest("name: required");
        }
        return HttpResponse.created(tokens.create(token.name().strip(), Role.fromKey(token.role()), me.getName()));
    }

    @Delete("/tokens/{id}")
    HttpResponse<?> revokeToken(int id) {
        if (!tokens.revoke(id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no active token " + id);
        }
        return HttpResponse.noContent();
    }
}
