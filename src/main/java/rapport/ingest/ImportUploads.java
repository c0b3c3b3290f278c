package rapport.ingest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Uploaded files wait in a directory of this process ({@code rapport-uploads/<pid>} under java.io.tmpdir)
 * until their import has read them. A process that died leaves its directory behind: the next start deletes
 * every directory whose process is gone, so a crash never leaves gigabytes in /tmp for good.
 */
@Singleton
final class ImportUploads {

    private static final Logger LOG = LoggerFactory.getLogger(ImportUploads.class);

    private final Path root;
    private final Path mine;

    @Inject
    ImportUploads() {
        this(Path.of(System.getProperty("java.io.tmpdir"), "rapport-uploads"));
    }

    ImportUploads(Path root) {
        this.root = root;
        this.mine = root.resolve(Long.toString(ProcessHandle.current().pid()));
    }

    /** The body goes to a file first so that a slow upload never holds a database transaction open. */
    Path spool(InputStream body) {
        try {
            Files.createDirectories(mine);
            Path file = Files.createTempFile(mine, "import-", ".upload");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the upload {}", file, e);
        }
    }

    /** Deletes the upload directories of processes that no longer run; returns how many files went. */
    int deleteOrphans() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (!dir.equals(mine) && !alive(dir.getFileName().toString())) {
                    deleted += deleteTree(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean up {}", root, e);
        }
        return deleted;
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours
        }
    }

    private static int deleteTree(Path dir) throws IOException {
        int[] files = {0};
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    if (Files.isRegularFile(p)) {
                        files[0]++;
                    }
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files[0];
    }
}
