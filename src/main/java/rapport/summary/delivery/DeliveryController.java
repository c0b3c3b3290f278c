package rapport.summary.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import rapport.accounts.AccountDirectory;
import rapport.security.Role;
import rapport.summary.SummaryMonth;
import rapport.system.BadRequest;
import rapport.system.RapportSettings;

import java.util.List;
import java.util.regex.Pattern;

/** The monthly e-mail, managed by admins: recipients and their accounts, the send day, the send log, send now, preview. */
@Controller("/api/summary/delivery")
@Secured(Role.ADMIN_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveryController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DeliverySql sql;
    private final MonthlyDelivery delivery;
    private final AccountDirectory accounts;
    private final MailSettings mail;
    private final RapportSettings settings;

    DeliveryController(DeliverySql sql, MonthlyDelivery delivery, AccountDirectory accounts, MailSettings mail, RapportSettings settings) {
        this.sql = sql;
        this.delivery = delivery;
        this.accounts = accounts;
        this.mail = mail;
        this.settings = settings;
    }

    record Overview(int sendDay, String timeZone, boolean smtpConfigured, List<DeliverySql.Recipient> recipients,
                    List<DeliverySql.Send> sends) {
    }

    record NewRecipient(@Nullable String email, @Nullable String accounts) {
    }

    record SendDay(@Nullable Integer sendDay) {
    }

    @Get
    @Operation(summary = "Monthly e-mail settings and log",
            description = "The send day, the workspace time zone, whether an SMTP server is set, the recipients with their accounts "
                    + "and the latest 50 sends with their state and attempts. Admin.")
    Overview overview() {
        return new Overview(sql.sendDay(), settings.timeZone(), mail.configured(), sql.recipients(), sql.sends(50));
    }

    @Post("/recipients")
    @Operation(summary = "Add a recipient",
            description = "Body {email, accounts}: the address and the accounts its summary covers (network/handle, comma-separated; "
                    + "empty means all). 400 naming a bad address or unknown accounts. Answers 201 with the recipient. Admin.")
    @ApiResponse(responseCode = "201", description = "the new recipient", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"id\":3,\"email\":\"maria@example.com\",\"accounts\":\"x/AcmeSupport\",\"createdAt\":\"2026-03-02T09:00:00Z\"}")))
    HttpResponse<DeliverySql.Recipient> addRecipient(@Body NewRecipient recipient) {
        String email = recipient.email() == null ? "" : recipient.email().strip();
        if (!EMAIL.matcher(email).matches()) {
            throw new BadRequest("email: '" + email + "' is not an e-mail address");
        }
        String scope = recipient.accounts() == null ? "" : recipient.accounts().strip();
        accounts.resolve(scope); // a 400 naming unknown accounts
        return HttpResponse.created(sql.addRecipient(email, scope));
    }

    @Delete("/recipients/{id}")
    @Operation(summary = "Remove a recipient",
            description = "The recipient gets no more e-mails; the send log keeps what was sent to them. 204, or 404 when there is no such recipient. Admin.")
    HttpResponse<?> deleteRecipient(int id) {
        if (!sql.deleteRecipient(id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no recipient " + id);
        }
        return HttpResponse.noContent();
    }

    @Put("/send-day")
    @Operation(summary = "Set the send day",
            description = "Body {sendDay}: the day of the month, 1 to 28, on which the last finished month is sent in the workspace "
                    + "time zone. 400 outside 1 to 28. Answers the stored day. Admin.")
    @ApiResponse(responseCode = "200", description = "the stored send day", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"sendDay\":3}")))
    SendDay setSendDay(@Body SendDay day) {
        if (day.sendDay() == null || day.sendDay() < 1 || day.sendDay() > 28) {
            throw new BadRequest("sendDay: a day of the month from 1 to 28");
        }
        sql.setSendDay(day.sendDay());
        return new SendDay(sql.sendDay());
    }

    /** Sends the month (default: the last finished one) to every recipient that has not had it. */
    @Post("/send-now")
    MonthlyDelivery.Run sendNow(@Nullable @QueryValue @Parameter(description = "the calendar month, YYYY-MM; default the last finished one", example = "2026-02") String month) {
        if (!mail.configured()) {
            throw new BadRequest("smtp: no SMTP server is set (RAPPORT_SMTP_HOST), so nothing can be sent");
        }
        return delivery.send(SummaryMonth.parse(month, settings.zone()));
    }

    /** The e-mail's HTML body for a month and accounts, as a recipient would get it. */
    @Get(value = "/preview", produces = MediaType.TEXT_HTML)
    String preview(@Nullable @QueryValue @Parameter(description = "the calendar month, YYYY-MM; default the last finished one", example = "2026-02") String month, @Nullable @QueryValue String accounts) {
        return delivery.preview(SummaryMonth.parse(month, settings.zone()), accounts).html();
    }
}
