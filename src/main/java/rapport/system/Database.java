package rapport.system;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain pooled connections. Imports and metric loads manage their own transactions (COPY, one long
 * read), so they bypass Micronaut Data's contextual proxy, which requires a surrounding transaction.
 */
@Singleton
public class Database {

    private final DataSource pool;

    Database(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }
}
