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
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.inject.Named;
import rapport.system.BadRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final ImportUploads uploads;

    ImportController(Importer importer, ImportLog log, @Named(TaskExecutors.BLOCKING) ExecutorService background,
                     ImportUploads uploads) {
        this.importer = importer;
        this.log = log;
        this.background = background;
        this.uploads = uploads;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<ImportReport> upload(@QueryValue String format,
                                      @QueryValue(defaultValue = "false") boolean async,
                                      @QueryValue(defaultValue = "") String name,
                                      @Header(HttpHeaders.CONTENT_DISPOSITION) @Nullable
                                      @Parameter(description = "the file's name when ?name= is not given, as curl -T or a browser sends it",
                                              example = "attachment; filename=\"twcs.csv\"") String disposition,
                                      @Body InputStream body) {
        ImportFormat importFormat = ImportFormat.fromKey(format);
        Path file = uploads.spool(body);
        long size = size(file);
        if (size == 0) {
            uploads.delete(file);
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
        return log.recent(limit(limit, 1, 200));
    }

    @Get("/{id}/problems")
    List<RejectedRow> problems(long id, @QueryValue(defaultValue = "10000") int limit) {
        return log.problems(id, limit(limit, 0, RejectedRows.KEPT));
    }

    /** At least {@code min}; more than {@code max} is read as "all there are", which is at most max. */
    private static int limit(int limit, int min, int max) {
        if (limit < min) {
            throw new BadRequest("limit: must be at least " + min + ", not " + limit);
        }
        return Math.min(limit, max);
    }

    private ImportReport runAndDelete(long id, ImportFormat format, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.run(id, format, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            uploads.delete(file);
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
