package rapport.system;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Locks the embedded server down before every start: authentication by password only (scram-sha-256, no
 * trust anywhere, no Unix socket) and, on first start, random passwords for the superuser and a separate
 * non-superuser role that owns the application's database. The roles are set up in single-user mode, so no
 * connection is ever accepted without a password, not even during the first start.
 */
final class EmbeddedAccess {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccess.class);

    static final String HBA = """
            # Written by Rapport at every start: passwords only (scram-sha-256), loopback only, no Unix socket.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    /** Everything the application created, as the superuser, in the database it used (serial sequences go with their table). */
    private static final String HAND_OVER = """
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                         AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
              LOOP EXECUTE format('ALTER TABLE %s OWNER TO {role}', r.name); END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
              LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO {role}', r.name); END LOOP;
            END $$""";

    private final Path binaries;

    /** {@code binaries}: the directory the server's binaries are unpacked into (it holds {@code PG-<hash>/bin}). */
    EmbeddedAccess(Path binaries) {
        this.binaries = binaries;
    }

    /**
     * Called on the data directory after initdb and before the server starts. {@code fresh}: initdb has just
     * created it; otherwise a data directory of an earlier Rapport, whose data is in the database "postgres"
     * owned by the superuser, is handed over to the application role.
     */
    void prepare(Path pgData, boolean fresh, DatabaseCredentials credentials) throws IOException {
        Files.writeString(pgData.resolve("pg_hba.conf"), HBA);
        if (DatabaseCredentials.exist(pgData)) {
            return;
        }
        String role = DatabaseCredentials.APP_ROLE;
        String database = DatabaseCredentials.APP_DATABASE;
        List<String> roles = List.of(
                "ALTER ROLE postgres PASSWORD '" + credentials.superuserPassword() + "'",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE " + role + "; END IF; END $$",
                "ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '" + credentials.appPassword() + "'");
        if (fresh) {
            List<String> statements = new ArrayList<>(roles);
            statements.add("CREATE DATABASE " + database + " OWNER " + role);
            singleUser(pgData, "postgres", statements);
        } else {
            List<String> statements = new ArrayList<>(roles);
            statements.add("ALTER DATABASE postgres RENAME TO " + database);
            statements.add("ALTER DATABASE " + database + " OWNER TO " + role);
            statements.add("CREATE DATABASE postgres");
            singleUser(pgData, "template1", statements);
            singleUser(pgData, database, List.of(HAND_OVER.replace("{role}", role)));
            LOG.warn("Embedded PostgreSQL: data directory of an earlier version secured: passwords set, "
                    + "trust removed, database 'postgres' renamed to '{}' and handed to role '{}'", database, role);
        }
        credentials.write(pgData);
        LOG.info("Embedded PostgreSQL: random passwords created in {} (readable by this user only)", pgData.resolve(DatabaseCredentials.FILE));
    }

    /** Runs statements in single-user mode (no network, no socket); an error other than "already done" fails the start. */
    private void singleUser(Path pgData, String database, List<String> statements) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // the same way the library starts the server when running as root, which PostgreSQL refuses
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary().toString(), "--single", "-j", "-D", pgData.toString(), database));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            for (String statement : statements) {
                in.write((statement + ";\n\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL single-user mode did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> errors = output.lines().filter(l -> l.contains("ERROR:") || l.contains("FATAL:"))
                .filter(l -> !l.contains("already exists") && !l.contains("does not exist")).toList();
        if (!errors.isEmpty() || process.exitValue() != 0) {
            throw new IOException("securing the embedded PostgreSQL failed (exit " + process.exitValue() + "): " + String.join("; ", errors));
        }
    }

    /**
     * The library unpacks its binaries once per JVM, into the directory given to the first server started (ours,
     * or its default under java.io.tmpdir when another server started first, as in tests): look in both.
     */
    private Path postgresBinary() throws IOException {
        String defaultDir = System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString());
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(binaries, Path.of(defaultDir))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> versions = Files.list(dir)) {
                    versions.map(d -> d.resolve("bin").resolve("postgres")).filter(Files::isExecutable).forEach(found::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        return found.stream().max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                .orElseThrow(() -> new IOException("no PostgreSQL binaries under " + binaries + " or " + defaultDir));
    }
}
