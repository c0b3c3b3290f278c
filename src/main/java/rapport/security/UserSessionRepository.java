package rapport.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserSessionRepository extends CrudRepository<UserSession, String> {

    @Query("delete from user_session where expires_at <= now()")
    void deleteExpired();

    /** Signs a user out everywhere (after an admin set a new password for them). */
    @Query("delete from user_session where user_id = (select id from app_user where username = :username)")
    void deleteByUsername(String username);
}
