package rapport.summary.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;
import rapport.summary.MonthlySummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The monthly summary as a PDF, rendered on the server (openhtmltopdf from XHTML with SVG charts). */
@Singleton
public class SummaryPdf {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SummaryPdf.class);

    public byte[] render(MonthlySummary summary) {
        long started = System.nanoTime();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(SummaryHtml.of(summary), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("summary PDF {} ({}) rendered in {} ms", summary.month(), summary.scope(), (System.nanoTime() - started) / 1_000_000);
        return pdf.toByteArray();
    }

    public static String fileName(MonthlySummary summary) {
        return "rapport-summary-" + summary.month() + (summary.scope().equals("all") ? "" : "-" + summary.scope().replaceAll("[^A-Za-z0-9_-]+", "_")) + ".pdf";
    }
}
