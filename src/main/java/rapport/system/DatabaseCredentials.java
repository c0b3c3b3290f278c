package rapport.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded server's two passwords (its superuser's and the application role's), generated on first start
 * and kept in the data directory readable by this OS user only (0600), like PostgreSQL's own files.
 */
record DatabaseCredentials(String superuserPassword, String appPassword) {

    static final String FILE = "rapport-credentials.properties";
    static final String APP_ROLE = "rapport";
    static final String APP_DATABASE = "rapport";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static boolean exist(Path pgData) {
        return Files.exists(pgData.resolve(FILE));
    }

    static DatabaseCredentials read(Path pgData) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(pgData.resolve(FILE))) {
            properties.load(in);
        }
        return new DatabaseCredentials(properties.getProperty("superuser.password"), properties.getProperty("app.password"));
    }

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    /** Written to a new 0600 file first and moved into place, so that no moment exposes the passwords. */
    void write(Path pgData) throws IOException {
        Path temp = pgData.resolve(FILE + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Properties properties = new Properties();
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("app.password", appPassword);
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            properties.store(out, "Embedded PostgreSQL passwords (superuser 'postgres', application role '" + APP_ROLE + "')");
        }
        Files.move(temp, pgData.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** 192 random bits, URL-safe base64: no character needs quoting in SQL. */
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
