package rapport.summary.delivery;

import io.micronaut.email.Attachment;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rapport.summary.MonthlySummary;
import rapport.summary.SummaryBuilder;
import rapport.summary.SummaryMonth;
import rapport.summary.pdf.SummaryPdf;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the finished month's summary to every recipient, each (month, recipient) once: a row of the send log is
 * claimed in PostgreSQL before the mail goes out, so a second run, a second scheduler firing or a restarted server
 * skips what was sent or is being sent. A failed send is recorded with its error and claimed again by the next run
 * (up to {@link #MAX_ATTEMPTS}); a claim left 'sending' by a run that died is taken over after {@link #STALE_MINUTES}.
 */
@Singleton
public class MonthlyDelivery {

    static final int MAX_ATTEMPTS = 5;
    static final int STALE_MINUTES = 30;
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyDelivery.class);

    private final DeliverySql sql;
    private final SummaryBuilder summaries;
    private final SummaryPdf pdf;
    private final EmailSender<?, ?> sender;
    private final MailSettings mail;
    private final AtomicBoolean saidNoSmtp = new AtomicBoolean();

    MonthlyDelivery(DeliverySql sql, SummaryBuilder summaries, SummaryPdf pdf, EmailSender<?, ?> sender, MailSettings mail) {
        this.sql = sql;
        this.summaries = summaries;
        this.pdf = pdf;
        this.sender = sender;
        this.mail = mail;
    }

    /** What one run did. */
    public record Run(String month, int sent, int skipped, int failed, boolean smtpConfigured) {
    }

    /** The scheduled check: from the send day on, the month before {@code today} goes to whoever has not had it. */
    public Optional<Run> runOn(LocalDate today) {
        if (today.getDayOfMonth() < sql.sendDay()) {
            return Optional.empty();
        }
        return Optional.of(send(SummaryMonth.lastFinished(today)));
    }

    /** Sends {@code month} to every recipient that has not had it (admins' "send now"). */
    public Run send(YearMonth month) {
        if (!mail.configured()) {
            if (saidNoSmtp.compareAndSet(false, true)) {
                LOG.info("No SMTP server set (RAPPORT_SMTP_HOST): the monthly summary is not e-mailed");
            }
            return new Run(month.toString(), 0, 0, 0, false);
        }
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        Map<String, MonthlySummary> byScope = new HashMap<>();
        for (DeliverySql.Recipient recipient : sql.recipients()) {
            Optional<Long> claim = sql.claim(month, recipient, MAX_ATTEMPTS, STALE_MINUTES);
            if (claim.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                MonthlySummary summary = byScope.computeIfAbsent(recipient.accounts(), a -> summaries.build(a, month));
                sender.send(email(summary, recipient.email()));
                sql.sent(claim.get());
                sent++;
            } catch (RuntimeException e) {
                LOG.warn("Monthly summary {} to {} failed: {}", month, recipient.email(), e.toString());
                sql.failed(claim.get(), String.valueOf(e.getMessage() == null ? e : e.getMessage()));
                failed++;
            }
        }
        LOG.info("Monthly summary {}: {} sent, {} already sent or in progress, {} failed", month, sent, skipped, failed);
        return new Run(month.toString(), sent, skipped, failed, true);
    }

    /** The e-mail a recipient with these accounts gets for the month, without sending it. */
    public SummaryMail preview(YearMonth month, String accounts) {
        return SummaryMail.of(summaries.build(accounts, month), mail.publicUrl());
    }

    private Email.Builder email(MonthlySummary summary, String to) {
        SummaryMail message = SummaryMail.of(summary, mail.publicUrl());
        return Email.builder().from(mail.from()).to(to).subject(message.subject())
                .body(new MultipartBody(message.html(), message.text()))
                .attachment(Attachment.builder().filename(SummaryPdf.fileName(summary)).contentType("application/pdf")
                        .content(pdf.render(summary)).build());
    }
}
