package rapport.summary.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rapport.summary.FreshDatabaseAnyPort;
import rapport.summary.SummaryDemo;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: the monthly e-mail arrives at a real SMTP server (GreenMail, in process) with the PDF attached, once
 * per (month, recipient) however often the job runs; a failed send is logged for admins and retried.
 * Each test uses its own month, so none depends on another.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyDeliveryTest implements FreshDatabaseAnyPort {

    private GreenMail smtp;
    private int smtpPort;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MonthlyDelivery delivery;

    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startSmtp();
        Map<String, String> properties = new HashMap<>(FreshDatabaseAnyPort.super.getProperties());
        properties.put("rapport.mail.host", "127.0.0.1");
        properties.put("rapport.mail.port", String.valueOf(smtpPort));
        properties.put("rapport.mail.starttls", "false");
        properties.put("rapport.mail.from", "rapport@example.test");
        properties.put("rapport.mail.public-url", "https://rapport.example.test");
        properties.put("rapport.summary.delivery.scheduled", "false");
        return properties;
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @BeforeAll
    void importDemoBrandAndAddRecipients() {
        SummaryDemo.importInto(client);
        post("/api/summary/delivery/recipients", Map.of("email", "ceo@example.test", "accounts", ""));
        post("/api/summary/delivery/recipients", Map.of("email", "care-lead@example.test", "accounts", "x/AcmeSupport"));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    private Map<String, Object> post(String path, Object body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body), Argument.mapOf(String.class, Object.class));
    }

    private List<MimeMessage> received(YearMonth month) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear())) {
                mine.add(m);
            }
        }
        return mine;
    }

    private static BodyPart pdfPart(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".pdf")) {
                return part;
            }
        }
        return null;
    }

    /** The text/html part, wherever the multipart nesting puts it. */
    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    @Test
    void theMailArrivesOncePerRecipientWithThePdfAlsoWhenTheJobRunsTwice() throws Exception {
        YearMonth month = YearMonth.of(2026, 9);
        LocalDate sendDay = LocalDate.of(2026, 10, 2);
        assertTrue(delivery.runOn(sendDay.minusDays(1)).isEmpty(), "before the send day nothing is due");
        // the scheduler fires twice at once, then once more later
        CompletableFuture<?> first = CompletableFuture.supplyAsync(() -> delivery.runOn(sendDay));
        CompletableFuture<?> second = CompletableFuture.supplyAsync(() -> delivery.runOn(sendDay));
        CompletableFuture.allOf(first, second).join();
        MonthlyDelivery.Run again = delivery.runOn(sendDay.plusDays(3)).orElseThrow();
        assertEquals(0, again.sent());
        assertEquals(2, again.skipped());

        List<MimeMessage> mails = received(month);
        assertEquals(2, mails.size(), "one mail per recipient");
        List<String> to = new ArrayList<>();
        for (MimeMessage mail : mails) {
            to.add(mail.getAllRecipients()[0].toString());
            BodyPart pdf = pdfPart(mail);
            assertNotNull(pdf, "the PDF is attached");
            try (PDDocument document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
                assertTrue(new PDFTextStripper().getText(document).contains("September 2026"));
            }
        }
        assertEquals(List.of("care-lead@example.test", "ceo@example.test"), to.stream().sorted().toList());
        MimeMessage careLead = null;
        for (MimeMessage mail : mails) {
            careLead = mail.getSubject().contains("x/AcmeSupport") ? mail : careLead;
        }
        assertNotNull(careLead, "the subject names the recipient's accounts");
        String html = html(careLead);
        assertTrue(html.contains("https://rapport.example.test/summary.html?month=2026-09&amp;accounts=x%2FAcmeSupport"), html);

        Map<String, Object> overview = client.toBlocking().retrieve(HttpRequest.GET("/api/summary/delivery"), Argument.mapOf(String.class, Object.class));
        long sentRows = ((List<?>) overview.get("sends")).stream().map(s -> (Map<?, ?>) s)
                .filter(s -> "2026-09".equals(s.get("month")) && "sent".equals(s.get("state"))).count();
        assertEquals(2, sentRows);
    }

    @Test
    void aFailedSendIsVisibleToAdminsAndRetried() throws Exception {
        YearMonth month = YearMonth.of(2026, 8);
        smtp.stop();
        MonthlyDelivery.Run failed = delivery.send(month);
        startSmtp();
        assertEquals(2, failed.failed());
        Map<String, Object> overview = client.toBlocking().retrieve(HttpRequest.GET("/api/summary/delivery"), Argument.mapOf(String.class, Object.class));
        List<Map<?, ?>> august = new ArrayList<>();
        for (Object s : (List<?>) overview.get("sends")) {
            if ("2026-08".equals(((Map<?, ?>) s).get("month"))) {
                august.add((Map<?, ?>) s);
            }
        }
        assertEquals(2, august.size());
        august.forEach(s -> {
            assertEquals("failed", s.get("state"));
            assertNotNull(s.get("error"));
        });

        Map<String, Object> retried = post("/api/summary/delivery/send-now?month=2026-08", Map.of());
        assertEquals(2, ((Number) retried.get("sent")).intValue());
        assertEquals(2, received(month).size());
        assertEquals(0, delivery.send(month).sent(), "sent once");
        assertEquals(2, received(month).size());
    }

    @Test
    void thePreviewIsTheMailsHtmlWithTheHeadlineFigures() {
        String html = client.toBlocking().retrieve(HttpRequest.GET("/api/summary/delivery/preview?month=2026-07&accounts=x/AcmeSupport")
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("July 2026 · monthly summary"), html);
        assertTrue(html.contains("Repeat rate") && html.contains("Open the summary in Rapport"), html);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/summary/delivery/recipients|{\"email\":\"not-an-address\"}|email: 'not-an-address' is not an e-mail address",
            "/api/summary/delivery/recipients|{\"email\":\"a@example.test\",\"accounts\":\"x/Nobody\"}|accounts: unknown account(s) x/Nobody"})
    void badInputIsRefusedNamingTheField(String path, String body, String message) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains(message));
    }

    @Test
    void theSendDayIsADayFrom1To28() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.PUT("/api/summary/delivery/send-day", Map.of("sendDay", 31))));
        assertEquals(400, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("sendDay: a day of the month from 1 to 28"));
    }
}
