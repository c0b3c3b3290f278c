package rapport.summary.delivery;

import rapport.summary.MonthlySummary;
import rapport.summary.format.DashboardNumbers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The monthly e-mail's subject and bodies: the highlights, the headline figures and a link to the page. */
record SummaryMail(String subject, String html, String text) {

    static SummaryMail of(MonthlySummary s, String publicUrl) {
        String scope = s.scope().equals("all") ? "all accounts" : s.scope().replace("+", ", ");
        String link = publicUrl.replaceAll("/+$", "") + "/summary.html?month=" + s.month()
                + (s.scope().equals("all") ? "" : "&accounts=" + URLEncoder.encode(s.scope().replace("+", ","), StandardCharsets.UTF_8));
        String subject = "Rapport · " + s.monthLabel() + " summary (" + scope + ")";
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family: system-ui, sans-serif; color: #1f2328\">");
        StringBuilder text = new StringBuilder(subject).append("\n\n");
        html.append("<h1 style=\"font-size: 20px; color: #005a8c\">").append(escape(s.monthLabel())).append(" · monthly summary</h1>")
                .append("<p style=\"color: #59636e\">").append(escape(scope + " · " + s.coverage())).append("</p><ul>");
        for (String h : s.highlights()) {
            html.append("<li>").append(escape(h)).append("</li>");
            text.append("- ").append(h).append('\n');
        }
        html.append("</ul><table style=\"border-collapse: collapse\">");
        text.append('\n');
        for (MonthlySummary.Figure f : s.headlines()) {
            String value = DashboardNumbers.value(f.value(), f.unit());
            String change = f.previousMonth().change() == null ? "" : DashboardNumbers.change(f.value(), f.previousMonth().value(), f.unit());
            String colour = "better".equals(f.previousMonth().verdict()) ? "#0072B2" : "worse".equals(f.previousMonth().verdict()) ? "#D55E00" : "#6e7781";
            html.append("<tr><td style=\"padding: 3px 12px 3px 0\">").append(escape(f.label()))
                    .append("</td><td style=\"padding: 3px 12px; font-weight: bold; text-align: right\">").append(escape(value))
                    .append("</td><td style=\"padding: 3px 0; color: ").append(colour).append("\">")
                    .append(escape(change.isEmpty() ? "" : change + " vs previous month")).append("</td></tr>");
            text.append(f.label()).append(": ").append(value).append(change.isEmpty() ? "" : " (" + change + " vs previous month)").append('\n');
        }
        html.append("</table><p><a href=\"").append(escape(link)).append("\">Open the summary in Rapport</a> · the PDF is attached.</p></body></html>");
        text.append("\nOpen the summary: ").append(link).append("\nThe PDF is attached.\n");
        return new SummaryMail(subject, html.toString(), text.toString());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
