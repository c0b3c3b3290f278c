package rapport.summary.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * SMTP for the monthly e-mail (RAPPORT_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _FROM, _STARTTLS) and the address
 * the e-mail links to (RAPPORT_PUBLIC_URL). No host means no sending.
 */
@ConfigurationProperties("rapport.mail")
public record MailSettings(String host, int port, String username, String password, String from, boolean starttls,
                           String publicUrl) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
