package rapport.summary.pdf;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import rapport.security.Role;
import rapport.summary.MonthlySummary;
import rapport.summary.SummaryBuilder;
import rapport.summary.SummaryMonth;
import rapport.system.RapportSettings;

/** {@code GET /api/summary/{YYYY-MM}.pdf?accounts=…}: the monthly summary as a PDF with its charts. */
@Controller("/api/summary")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class SummaryPdfController {

    private final SummaryBuilder builder;
    private final SummaryPdf pdf;
    private final RapportSettings settings;

    SummaryPdfController(SummaryBuilder builder, SummaryPdf pdf, RapportSettings settings) {
        this.builder = builder;
        this.pdf = pdf;
        this.settings = settings;
    }

    @Get(uri = "/{month:[0-9]+-[0-9]+}.pdf", produces = "application/pdf")
    @Operation(summary = "Monthly summary as a PDF",
            description = "The monthly summary of GET /api/summary/{month} as two A4 pages with its trend charts, served inline "
                    + "with a file name naming the month. No accounts means all accounts.")
    HttpResponse<byte[]> pdf(@Parameter(description = "the calendar month, YYYY-MM", example = "2026-02") String month, @Nullable @QueryValue String accounts) {
        MonthlySummary summary = builder.build(accounts, SummaryMonth.parse(month, settings.zone()));
        return HttpResponse.ok(pdf.render(summary)).contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"" + SummaryPdf.fileName(summary) + "\"");
    }
}
