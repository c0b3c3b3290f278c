package rapport.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The zero-install default: when no external PostgreSQL is configured, Rapport runs its own, with a persistent
 * data directory so that imported data survives a restart. It is locked down ({@link EmbeddedAccess}), durable
 * (fsync and synchronous commit on: a committed import survives a power loss), waits as long as crash recovery
 * takes, and is supervised: when the server process dies it is started again on the same port.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** Crash recovery replays the write-ahead log since the last checkpoint: up to max_wal_size, minutes on a slow disk. */
    static final Duration START_WAIT = Duration.ofMinutes(15);
    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(2);
    /**
     * How long a stop waits for the server to be gone. pg_ctl (as the library calls it) gives up after 5 s while a
     * busy backend finishes; a restart right after would then find the old server still holding the data directory.
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Path pgData;
    private final EmbeddedAccess access;
    private final boolean durable;
    private volatile EmbeddedPostgres postgres;
    private volatile DatabaseCredentials credentials;
    private volatile boolean closed;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embedded-postgres-supervisor");
        t.setDaemon(true);
        return t;
    });

    private EmbeddedDatabase(Path pgData, boolean durable) {
        this.pgData = pgData;
        this.durable = durable;
        this.access = new EmbeddedAccess(binaries(pgData));
    }

    /** Datasource properties for the embedded server, or none when DATASOURCES_DEFAULT_URL is set. */
    public static Optional<EmbeddedDatabase> startUnlessConfigured(Map<String, String> env) throws IOException {
        if (env.containsKey("DATASOURCES_DEFAULT_URL")) {
            return Optional.empty();
        }
        Path dataDir = Path.of(env.getOrDefault("RAPPORT_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".rapport").toString()));
        // RAPPORT_DB_DURABLE=false: a first bulk load that can be repeated; a crash may then lose or corrupt data
        boolean durable = !"false".equalsIgnoreCase(env.getOrDefault("RAPPORT_DB_DURABLE", "true"));
        return Optional.of(start(dataDir.resolve("pgdata"), 0, durable));
    }

    public static EmbeddedDatabase start(Path pgData) throws IOException {
        return start(pgData, 0);
    }

    /** On a given port (0: any free one), e.g. to come back where a stopped server was. */
    public static EmbeddedDatabase start(Path pgData, int port) throws IOException {
        return start(pgData, port, true);
    }

    static EmbeddedDatabase start(Path pgData, int port, boolean durable) throws IOException {
        if (!durable) {
            LOG.warn("RAPPORT_DB_DURABLE=false: fsync and synchronous commit are off; a crash or power loss can lose or corrupt data");
        }
        EmbeddedDatabase database = new EmbeddedDatabase(pgData, durable);
        database.postgres = database.launch(port);
        database.supervisor.scheduleWithFixedDelay(database::supervise, SUPERVISION_INTERVAL.toMillis(),
                SUPERVISION_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return database;
    }

    /** The application's connection: its own non-superuser role, by password, over loopback. */
    public Map<String, Object> datasourceProperties() {
        return Map.of(
                "datasources.default.url", postgres.getJdbcUrl(DatabaseCredentials.APP_ROLE, DatabaseCredentials.APP_DATABASE),
                "datasources.default.username", DatabaseCredentials.APP_ROLE,
                "datasources.default.password", credentials.appPassword());
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return pgData;
    }

    /** The server's main process id, from its pid file; empty when it is not running. */
    public Optional<ProcessHandle> serverProcess() {
        try {
            String first = Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private EmbeddedPostgres launch(int port) throws IOException {
        Files.createDirectories(pgData);
        awaitEarlierServer();
        boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
        DatabaseCredentials given = DatabaseCredentials.exist(pgData) ? DatabaseCredentials.read(pgData) : DatabaseCredentials.generate();
        Thread progress = startProgressLog();
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries(pgData).toFile())
                    .setPort(port)
                    .setPGStartupWait(START_WAIT)
                    .setDataDirectoryCustomizer(dir -> {
                        try {
                            access.prepare(dir.toPath(), fresh, given);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    // readiness is checked as the superuser, over loopback, with its password
                    .setConnectConfig("password", given.superuserPassword())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    // bulk imports: staging tables stay in memory, index builds sort in memory, fewer checkpoints
                    .setServerConfig("temp_buffers", "256MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
            credentials = given;
            LOG.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {} (password authentication only)", started.getPort(), pgData);
            return started;
        } finally {
            progress.interrupt();
        }
    }

    /**
     * A server of an earlier run still holding this data directory (its stop took longer than the run that asked
     * for it waited) would make this start wait in vain: wait until it is gone, saying so, or fail clearly.
     */
    private void awaitEarlierServer() throws IOException {
        Optional<ProcessHandle> earlier = serverProcess();
        if (earlier.isEmpty()) {
            return;
        }
        LOG.warn("An earlier PostgreSQL server (process {}) still holds {}: waiting up to {} s for it to stop",
                earlier.get().pid(), pgData, STOP_WAIT.toSeconds());
        if (!awaitExit(earlier.get(), STOP_WAIT)) {
            throw new IOException("PostgreSQL process " + earlier.get().pid() + " still holds " + pgData + " after "
                    + STOP_WAIT.toSeconds() + " s; stop it (or the Rapport that runs it) and start again");
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** While the server starts (crash recovery after a kill can take minutes), say so every few seconds. */
    private static Thread startProgressLog() {
        long began = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    LOG.info("Waiting for the embedded PostgreSQL to accept connections: {} s so far (after an unclean stop it "
                            + "replays its write-ahead log first; waiting up to {} min)",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), START_WAIT.toMinutes());
                }
            } catch (InterruptedException e) {
                // started (or failed): nothing more to say
            }
        }, "embedded-postgres-start-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Restarts the server on the same port when its process has died (killed, out of memory, crashed). */
    private synchronized void supervise() {
        if (closed || serverProcess().isPresent()) {
            return;
        }
        LOG.error("Embedded PostgreSQL (data in {}) is not running: restarting it", pgData);
        long began = System.nanoTime();
        try {
            stopQuietly(postgres);
            postgres = launch(postgres.getPort());
            LOG.warn("Embedded PostgreSQL restarted in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        } catch (IOException | RuntimeException e) {
            LOG.error("Embedded PostgreSQL could not be restarted; trying again in {} s", SUPERVISION_INTERVAL.toSeconds(), e);
        }
    }

    private static void stopQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Stopping the embedded PostgreSQL", e);
        }
    }

    /** Stops the server cleanly (a checkpoint, so the next start needs no recovery). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.shutdownNow();
        Optional<ProcessHandle> server = serverProcess();
        stopQuietly(postgres);
        // a fast stop waits for every backend to notice; the library's pg_ctl gives up after 5 s, not the server
        if (server.isPresent() && server.get().isAlive() && !awaitExit(server.get(), STOP_WAIT)) {
            LOG.error("Embedded PostgreSQL (process {}) had not stopped {} s after it was asked to", server.get().pid(),
                    STOP_WAIT.toSeconds());
            return;
        }
        LOG.info("Embedded PostgreSQL stopped");
    }

    /** The binaries are unpacked beside the data, where {@link EmbeddedAccess} finds them for single-user mode. */
    private static Path binaries(Path pgData) {
        return pgData.toAbsolutePath().resolveSibling("pgbin");
    }
}
