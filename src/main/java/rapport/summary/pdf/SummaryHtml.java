package rapport.summary.pdf;

import rapport.summary.MonthlySummary;
import rapport.summary.format.DashboardNumbers;

import java.awt.Color;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The summary as XHTML for the PDF renderer: two A4 pages laid out with tables (the renderer knows CSS 2.1),
 * charts inline as SVG, numbers written as the dashboard writes them. Every text from the data is escaped.
 */
final class SummaryHtml {

    /** frontend/js/charts/palette.js: better, worse, unchanged, and the tiers. */
    static final Color GOOD = Color.decode("#0072B2");
    static final Color BAD = Color.decode("#D55E00");
    static final Color NEUTRAL = Color.decode("#6e7781");
    private static final Map<String, String> TIER_COLOURS = Map.of("advocate", "#009E73", "regular", "#0072B2",
            "participant", "#56B4E9", "lapsed", "#999999");
    private static final Map<String, String> COLUMN_LABELS = Map.of("conversations", "Conversations",
            "response_rate", "Response rate", "median_response_minutes", "Median response",
            "response_within_sla_rate", "Within SLA", "repeat_rate", "Repeat rate", "personalization_score", "Personalization");

    private static final String STYLE = """
            @page { size: A4; margin: 12mm 13mm; }
            body { font-family: sans-serif; font-size: 9pt; color: #1f2328; }
            h1 { font-size: 18pt; margin: 0; color: #005a8c; }
            h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
            p { margin: 0; }
            .muted { color: #59636e; }
            .small { font-size: 7.5pt; }
            .partial { border: 1px solid #E69F00; background: #fff7e6; padding: 2mm 3mm; margin-top: 3mm; }
            ul.highlights { margin: 0; padding-left: 5mm; font-size: 10pt; }
            ul.highlights li { margin-bottom: 1mm; }
            table { border-collapse: collapse; width: 100%; }
            td.figure { border: 1px solid #d8dee4; padding: 2mm 2.5mm; vertical-align: top; width: 25%; }
            .label { font-size: 7.5pt; color: #59636e; font-weight: bold; }
            .value { font-size: 15pt; font-weight: bold; margin: 1mm 0; }
            .versus { font-size: 7pt; color: #59636e; }
            .better { color: #0072B2; font-weight: bold; }
            .worse { color: #D55E00; font-weight: bold; }
            .same { color: #6e7781; font-weight: bold; }
            table.plain th, table.plain td { padding: 1mm 1.5mm; border-bottom: 1px solid #eef1f4; text-align: right; font-size: 8pt; }
            table.plain th { color: #59636e; font-size: 7pt; }
            table.plain th.first, table.plain td.first { text-align: left; }
            td.half { width: 50%; vertical-align: top; padding-right: 4mm; }
            td.trend { width: 33%; vertical-align: top; padding: 1mm 2mm 2mm 0; }
            .caption { font-size: 8pt; font-weight: bold; color: #59636e; }
            .dot { display: inline-block; width: 2.2mm; height: 2.2mm; border-radius: 1.1mm; }
            .page2 { page-break-before: always; }
            dl { margin: 0; font-size: 7pt; color: #59636e; }
            dt { font-weight: bold; color: #1f2328; margin-top: 1mm; }
            dd { margin: 0 0 0 3mm; }
            """;

    private final StringBuilder out = new StringBuilder();

    private SummaryHtml() {
    }

    static String of(MonthlySummary s) {
        SummaryHtml html = new SummaryHtml();
        html.document(s);
        return html.out.toString();
    }

    /** Text for the PDF: escaped for XML, with the few signs the PDF's standard fonts lack written plainly. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\u2212' -> b.append('\u2013');
                case '\u2265' -> b.append("&gt;=");
                case '\u2264' -> b.append("&lt;=");
                case '\u25b2' -> b.append('+');
                case '\u25bc' -> b.append('\u2013');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private SummaryHtml add(String... parts) {
        for (String part : parts) {
            out.append(part);
        }
        return this;
    }

    private void document(MonthlySummary s) {
        add("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>", text("Rapport · " + s.monthLabel() + " summary"),
                "</title><style>", STYLE, "</style></head><body>");
        add("<h1>", text(s.monthLabel()), " <span class=\"muted\" style=\"font-size: 11pt\">monthly summary</span></h1>");
        add("<p class=\"muted\">", text((s.scope().equals("all") ? "All accounts" : s.scope().replace("+", ", "))
                + " · " + s.coverage() + " · time zone " + s.timeZone()), "</p>");
        if (s.partial()) {
            add("<p class=\"partial\">", text("Partial month (" + s.coverage() + "): its figures are not compared with complete months."), "</p>");
        }
        add("<h2>Highlights</h2><ul class=\"highlights\">");
        s.highlights().forEach(h -> add("<li>", text(h), "</li>"));
        add("</ul><h2>Headline figures</h2>");
        figures(s.headlines());
        add("<table><tr><td class=\"half\"><h2>Relationship tiers at the month's end</h2>");
        tiers(s.tiers());
        add("</td><td class=\"half\"><h2>SLA attainment</h2><p><span class=\"value\">", text(DashboardNumbers.value(s.sla().value(), s.sla().unit())),
                "</span> ", text("of inbound turns answered within " + s.slaHours() + " h"), "</p>");
        versus(s.sla(), s.sla().previousMonth(), "vs previous month");
        if (!s.npsByTier().isEmpty()) {
            add("<h2>NPS by tier</h2><table class=\"plain\"><tr><th class=\"first\">Tier</th><th>NPS</th><th>Answers</th></tr>");
            s.npsByTier().forEach(t -> add("<tr><td class=\"first\">", text(t.tier()), "</td><td>",
                    text(DashboardNumbers.value(t.nps(), "score")), "</td><td>", String.valueOf(t.n()), "</td></tr>"));
            add("</table>");
        }
        add("</td></tr></table>");

        add("<div class=\"page2\"><h2>13-month trends</h2><table>");
        List<MonthlySummary.Trend> trends = s.trends();
        for (int i = 0; i < trends.size(); i++) {
            MonthlySummary.Trend trend = trends.get(i);
            add(i % 3 == 0 ? "<tr>" : "", "<td class=\"trend\"><p class=\"caption\">", text(trend.label()), "</p>",
                    "<p class=\"versus\">", text(range(trend)), "</p>",
                    TrendChartSvg.svg(trend, colour(s, trend), 300, 135, "57mm", "25.6mm"), "</td>", i % 3 == 2 || i == trends.size() - 1 ? "</tr>" : "");
        }
        add("</table>");
        accounts(s.accounts());
        add("<h2>Top advocates of the month</h2>");
        if (s.advocates().top().isEmpty()) {
            add("<p class=\"muted\">No advocates this month.</p>");
        } else {
            add("<table class=\"plain\"><tr><th class=\"first\">Advocate</th><th class=\"first\">Network</th><th>Messages this month</th><th>Shares in 90 days</th><th>Active weeks</th></tr>");
            s.advocates().top().forEach(a -> add("<tr><td class=\"first\">@", text(a.handle()), "</td><td class=\"first\">", text(a.network()),
                    "</td><td>", String.valueOf(a.messagesThisMonth()), "</td><td>", String.valueOf(a.shares()), "</td><td>",
                    String.valueOf(a.activeWeeks()), "</td></tr>"));
            add("</table><p class=\"muted small\">", text(s.advocates().total() + " advocates in all."), "</p>");
        }
        add("<h2>What these numbers mean</h2><dl>");
        s.definitions().forEach(d -> add("<dt>", text(d.label()), "</dt><dd>", text(d.definition()), "</dd>"));
        add("</dl></div></body></html>");
    }

    /** The chart's span and latest value as text (the SVG's own labels are drawn as outlines): "Sep 2025 – Sep 2026 · latest 51 %". */
    private static String range(MonthlySummary.Trend trend) {
        List<MonthlySummary.TrendPoint> points = trend.points();
        MonthlySummary.TrendPoint last = points.get(points.size() - 1);
        return DashboardNumbers.monthShort(YearMonth.parse(points.get(0).month())) + " \u2013 "
                + DashboardNumbers.monthShort(YearMonth.parse(last.month())) + " · latest " + DashboardNumbers.value(last.value(), trend.unit());
    }

    private static Color colour(MonthlySummary s, MonthlySummary.Trend trend) {
        String verdict = s.headlines().stream().filter(f -> f.metric().equals(trend.metric())).findFirst()
                .map(f -> f.previousMonth().verdict()).orElse(null);
        return "worse".equals(verdict) ? BAD : GOOD;
    }

    private void figures(List<MonthlySummary.Figure> figures) {
        add("<table>");
        for (int i = 0; i < figures.size(); i++) {
            MonthlySummary.Figure f = figures.get(i);
            add(i % 4 == 0 ? "<tr>" : "", "<td class=\"figure\"><p class=\"label\">", text(f.label()), "</p><p class=\"value\">",
                    text(DashboardNumbers.value(f.value(), f.unit())), "</p>");
            versus(f, f.previousMonth(), "vs previous month");
            versus(f, f.yearEarlier(), "vs a year earlier");
            add("<p class=\"versus\">", f.n() == null ? "" : text("n = " + String.format("%,d", f.n())), "</p></td>",
                    i % 4 == 3 || i == figures.size() - 1 ? "</tr>" : "");
        }
        add("</table>");
    }

    private void versus(MonthlySummary.Figure f, MonthlySummary.Comparison c, String label) {
        String change = c.change() == null ? null : DashboardNumbers.change(f.value(), c.value(), f.unit());
        if (change == null) {
            add("<p class=\"versus\">", text(label + ": " + (c.value() == null ? "no value" : DashboardNumbers.value(c.value(), f.unit()) + ", not compared")), "</p>");
        } else {
            add("<p class=\"versus\"><span class=\"", c.verdict(), "\">", text(change), "</span> ",
                    text(label + " (" + DashboardNumbers.value(c.value(), f.unit()) + ")"), "</p>");
        }
    }

    private void tiers(MonthlySummary.Tiers tiers) {
        add("<table class=\"plain\"><tr><th class=\"first\">Tier</th><th>People</th><th>Month before</th></tr>");
        tiers.counts().forEach((tier, count) -> add("<tr><td class=\"first\"><span class=\"dot\" style=\"background-color: ",
                TIER_COLOURS.getOrDefault(tier, "#999999"), "\"></span> ", text(tier), "</td><td>", String.format("%,d", count),
                "</td><td>", String.format("%,d", tiers.previous().getOrDefault(tier, 0L)), "</td></tr>"));
        add("</table>");
    }

    private void accounts(MonthlySummary.AccountTable table) {
        add("<h2>Accounts: most improved and most declined</h2><table class=\"plain\"><tr><th class=\"first\">Account</th>");
        table.metrics().forEach(m -> add("<th>", text(COLUMN_LABELS.getOrDefault(m, m)), "</th>"));
        add("</tr>");
        List<MonthlySummary.AccountRow> rows = table.rows().size() <= 8 ? table.rows() : table.rows().stream()
                .filter(r -> table.improved().contains(r.account()) || table.declined().contains(r.account())).toList();
        for (MonthlySummary.AccountRow row : rows) {
            String tag = table.improved().contains(row.account()) ? " <span class=\"better\">(most improved)</span>"
                    : table.declined().contains(row.account()) ? " <span class=\"worse\">(most declined)</span>" : "";
            add("<tr><td class=\"first\">", text(row.account()), tag, "</td>");
            for (MonthlySummary.AccountCell cell : row.cells()) {
                String arrow = "better".equals(cell.verdict()) ? " <span class=\"better\">+</span>"
                        : "worse".equals(cell.verdict()) ? " <span class=\"worse\">\u2013</span>" : "";
                add("<td>", text(DashboardNumbers.value(cell.value(), cell.unit())), arrow, "</td>");
            }
            add("</tr>");
        }
        add("</table>");
    }
}
