package rapport.summary.pdf;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.summary.FreshDatabaseAnyPort;
import rapport.summary.SummaryDemo;
import rapport.summary.format.DashboardNumbers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10: the PDF opens, has two A4 pages, and its text holds the month, the headline figures and the chart labels. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryPdfTest implements FreshDatabaseAnyPort {

    static final String MONTH = "2026-09";

    @Inject
    @Client("/")
    HttpClient client;

    @BeforeAll
    void importDemoBrand() {
        SummaryDemo.importInto(client);
    }

    /** The PDF's standard fonts write − as – and a no-break space as a space. */
    static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u2212', '\u2013');
    }

    @Test
    void thePdfHoldsTheMonthTheHeadlineFiguresAndTheChartLabels() throws Exception {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/api/summary/" + MONTH + ".pdf"), byte[].class);
        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains("rapport-summary-2026-09.pdf"));
        byte[] bytes = response.body();
        Path file = Path.of("target/summary-pictures/summary-" + MONTH + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Map<String, Object> summary = client.toBlocking().retrieve(HttpRequest.GET("/api/summary/" + MONTH),
                Argument.mapOf(String.class, Object.class));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertEquals(2, pdf.getNumberOfPages());
            assertEquals(595, Math.round(pdf.getPage(0).getMediaBox().getWidth()), "A4 width in points");
            String text = plain(new PDFTextStripper().getText(pdf)).replaceAll("[ \\t]+", " ");
            assertTrue(text.contains("September 2026"), text);
            for (Object h : (List<?>) summary.get("headlines")) {
                Map<?, ?> f = (Map<?, ?>) h;
                Double value = f.get("value") == null ? null : ((Number) f.get("value")).doubleValue();
                assertTrue(text.contains((String) f.get("label")), "label of " + f.get("metric"));
                assertTrue(text.contains(plain(DashboardNumbers.value(value, (String) f.get("unit")))), f.get("metric") + " value in\n" + text);
            }
            assertTrue(text.contains("13-month trends"));
            for (Object t : (List<?>) summary.get("trends")) {
                assertTrue(text.contains((String) ((Map<?, ?>) t).get("label")), "chart caption " + ((Map<?, ?>) t).get("label"));
            }
            assertTrue(text.contains("Sep 2025 \u2013 Sep 2026 · latest"), "the charts' span:\n" + text);
            for (Object highlight : (List<?>) summary.get("highlights")) {
                assertTrue(text.replace("\n", " ").contains(plain((String) highlight).substring(0, 20)), "highlight " + highlight);
            }
        }
    }

    @Test
    void aBadMonthIsRefusedNamingIt() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/summary/2026-13.pdf"), byte[].class));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("month: '2026-13' is not a month"));
    }
}
