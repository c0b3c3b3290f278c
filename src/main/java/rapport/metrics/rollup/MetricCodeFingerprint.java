package rapport.metrics.rollup;

import jakarta.inject.Singleton;
import rapport.metrics.Metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of the compiled metrics package: rollups computed by another version of the metric code are
 * never served, without anyone having to remember to bump a version number.
 */
@Singleton
class MetricCodeFingerprint {

    private static final String PACKAGE = Metric.class.getPackageName().replace('.', '/') + "/";

    private final String value;

    MetricCodeFingerprint() {
        this.value = compute();
    }

    String value() {
        return value;
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path location = Path.of(Metric.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(PACKAGE))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        digest.update(location.relativize(file).toString().getBytes());
                        digest.update(Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = jar.stream()
                            .filter(e -> e.getName().startsWith(PACKAGE) && e.getName().endsWith(".class"))
                            .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
                    for (JarEntry entry : entries) {
                        digest.update(entry.getName().getBytes());
                        try (InputStream in = jar.getInputStream(entry)) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
