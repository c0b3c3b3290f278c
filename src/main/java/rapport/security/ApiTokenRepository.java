package rapport.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiTokenRepository extends CrudRepository<ApiToken, Integer> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> listOrderById();

    @Query("update api_token set revoked_at = now() where id = :id and revoked_at is null")
    long revoke(int id);
}
