package rapport.ingest;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import rapport.system.BadRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/imports?format=…} with the file as the body. Synchronous by default; with
 * {@code async=true} it answers 202 at once and {@code GET /api/imports/{id}} shows progress.
 */
@Controller("/api/imports")
@Secured(Role.ADMIN_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {

    private final Importer importer;
    private final ImportLog log;
    private final ExecutorService background;

    ImportController(Importer importer, ImportLog log, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.importer = importer;
        this.log = log;
        this.background = background;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<ImportReport> upload(@QueryValue String format,
                                      @QueryValue(defaultValue = "false") boolean async,
                                      @QueryValue(defaultValue = "") String name,
                                      @Header(HttpHeaders.CONTENT_DISPOSITION) @Nullable String disposition,
                                      @Body InputStream body) {
        ImportFormat importFormat = ImportFormat.fromKey(format);
        Path file = spool(body);
        long size = size(file);
        if (size == 0) {
            delete(file);
            throw new BadRequest("the request body is empty: send the file as the body");
        }
        long id = importer.begin(importFormat, fileName(name, disposition), size);
        if (async) {
            background.submit(() -> runAndDelete(id, importFormat, file));
            return HttpResponse.status(HttpStatus.ACCEPTED).body(log.report(id));
        }
        return HttpResponse.ok(runAndDelete(id, importFormat, file));
    }

    @Get("/{id}")
    ImportReport show(long id) {
        ImportReport report = log.report(id);
        if (report == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no import " + id);
        }
        return report.withProblems(log.problems(id, ImportLog.PROBLEMS_IN_REPORT));
    }

    @Get
    List<ImportReport> recent(@QueryValue(defaultValue = "20") int limit) {
        return log.recent(Math.min(limit, 200));
    }

    @Get("/{id}/problems")
    List<RejectedRow> problems(long id, @QueryValue(defaultValue = "10000") int limit) {
        return log.problems(id, limit);
    }

    private ImportReport runAndDelete(long id, ImportFormat format, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.run(id, format, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private static final Pattern FILENAME = Pattern.compile(
            "filename\\*\\s*=\\s*(?:UTF-8|utf-8)''([^;]+)|filename\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

    /** The import's name: {@code ?name=}, else the file name of a {@code Content-Disposition} header (as curl -T or a browser sends it). */
    static String fileName(String name, String disposition) {
        if (!name.isBlank()) {
            return name.strip();
        }
        Matcher m = disposition == null ? null : FILENAME.matcher(disposition);
        if (m == null || !m.find()) {
            return null;
        }
        String found = m.group(1) != null ? URLDecoder.decode(m.group(1).strip(), StandardCharsets.UTF_8)
                : m.group(2) != null ? m.group(2) : m.group(3);
        String base = found.substring(Math.max(found.lastIndexOf('/'), found.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() ? null : base;
    }

    /** The body goes to a temporary file first so that a slow upload never holds a database transaction open. */
    private static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("rapport-import-", ".upload");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
