package rapport.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AppUserRepository extends CrudRepository<AppUser, Integer> {

    Optional<AppUser> findByUsername(String username);

    List<AppUser> listOrderByUsername();

    long deleteByUsername(String username);

    @Query("update app_user set role = :role where username = :username")
    long updateRole(String username, String role);

    @Query("update app_user set password_hash = :passwordHash where username = :username")
    long updatePasswordHash(String username, String passwordHash);
}
