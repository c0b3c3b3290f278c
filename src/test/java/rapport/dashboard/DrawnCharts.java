package rapport.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the ECharts instances of the page hold, and the check that it is exactly what the API returned. */
final class DrawnCharts {

    private static final String READ = """
            return [...document.querySelectorAll('.panel')].map(panel => {
              const el = panel.querySelector('.chart');
              const chart = el && echarts.getInstanceByDom(el);
              const about = {id: panel.id, chart: panel.dataset.chart, source: panel.dataset.source, text: panel.innerText};
              if (!chart) return {...about, drawn: false};
              const o = chart.getOption();
              return {...about, drawn: true,
                series: o.series.map(s => ({id: s.id, data: s.data, links: s.links || null})),
                categories: o.xAxis && o.xAxis.length ? o.xAxis[0].data : null};
            })""";

    private DrawnCharts() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(Browser browser) {
        return (List<Map<String, Object>>) browser.js(READ);
    }

    /**
     * Every drawn panel against the API answer for the same query: metric trends against /api/metrics,
     * tiers and flows against /api/tiers, the heatmap against /api/cohorts, bars against their view.
     */
    static void assertSameAsApi(List<Map<String, Object>> panels, Function<String, Map<String, Object>> get, String query) {
        Map<String, Object> metrics = get.apply("/api/metrics?" + query);
        Map<String, Object> tiers = get.apply("/api/tiers?" + query);
        int checked = 0;
        for (Map<String, Object> panel : panels) {
            if (!Boolean.TRUE.equals(panel.get("drawn"))) {
                continue;
            }
            String id = (String) panel.get("id");
            List<Map<String, Object>> series = list(panel.get("series"));
            assertFalse(series.isEmpty(), id);
            switch ((String) panel.get("source") + "/" + panel.get("chart")) {
                case "metrics/line" -> {
                    for (Map<String, Object> s : series) {
                        assertEquals(pointValues(metrics, (String) s.get("id")), numbers(s.get("data")), id + " " + s.get("id"));
                    }
                }
                case "tiers/stacked" -> {
                    List<Map<String, Object>> periods = list(tiers.get("periods"));
                    for (Map<String, Object> s : series) {
                        List<Double> expected = periods.stream()
                                .map(p -> number(((Map<?, ?>) p.get("counts")).get(s.get("id")))).toList();
                        assertEquals(expected, numbers(s.get("data")), id + " " + s.get("id"));
                    }
                }
                case "tiers/sankey" -> {
                    List<Map<String, Object>> periods = list(tiers.get("periods"));
                    Object last = periods.get(periods.size() - 1).get("periodStart");
                    TreeSet<String> expected = new TreeSet<>();
                    for (Map<String, Object> t : list(tiers.get("transitions"))) {
                        if (last.equals(t.get("periodStart"))) {
                            expected.add("before:" + t.get("from") + " > after:" + t.get("to") + " = " + number(t.get("count")));
                        }
                    }
                    TreeSet<String> drawn = new TreeSet<>();
                    for (Map<String, Object> link : list(series.get(0).get("links"))) {
                        drawn.add(link.get("source") + " > " + link.get("target") + " = " + number(link.get("value")));
                    }
                    assertFalse(expected.isEmpty(), id);
                    assertEquals(expected, drawn, id);
                }
                case "cohorts/heatmap" -> {
                    List<List<Double>> expected = new ArrayList<>();
                    List<Map<String, Object>> cohorts = list(get.apply("/api/cohorts?" + query).get("cohorts"));
                    for (int row = 0; row < cohorts.size(); row++) {
                        List<?> retention = (List<?>) cohorts.get(row).get("retention");
                        for (int k = 0; k < retention.size(); k++) {
                            if (retention.get(k) != null) {
                                expected.add(List.of((double) k, (double) row, number(retention.get(k))));
                            }
                        }
                    }
                    List<List<Double>> drawn = ((List<?>) series.get(0).get("data")).stream().map(DrawnCharts::numbers).toList();
                    assertEquals(expected, drawn, id);
                }
                case "response-times/bars" -> {
                    List<Map<String, Object>> buckets = list(get.apply("/api/response-times?" + query).get("buckets"));
                    assertEquals(buckets.stream().map(b -> number(b.get("count"))).toList(), numbers(series.get(0).get("data")), id);
                    assertEquals(buckets.stream().map(b -> b.get("label")).toList(), panel.get("categories"), id);
                }
                case "nps-by-tier/bars" -> {
                    List<Map<String, Object>> rows = list(get.apply("/api/nps-by-tier?" + query).get("tiers"));
                    assertEquals(rows.stream().map(t -> number(t.get("nps"))).toList(), numbers(series.get(0).get("data")), id);
                    List<?> categories = (List<?>) panel.get("categories");
                    for (int i = 0; i < rows.size(); i++) {
                        String n = String.format(Locale.ENGLISH, "n\u00a0=\u00a0%,d", ((Number) rows.get(i).get("n")).longValue());
                        assertTrue(categories.get(i).toString().endsWith(n), id + ": " + categories.get(i));
                    }
                }
                default -> throw new AssertionError("no check for " + id + " (" + panel.get("source") + "/" + panel.get("chart") + ")");
            }
            checked++;
        }
        assertTrue(checked > 0, "no panel drew anything");
    }

    /** The value of a metric's last period in an /api/metrics answer. */
    static Double lastValue(Map<String, Object> report, String metric) {
        List<Double> values = pointValues(report, metric);
        return values.get(values.size() - 1);
    }

    static List<Double> pointValues(Map<String, Object> report, String metric) {
        for (Map<String, Object> series : list(report.get("series"))) {
            if (metric.equals(series.get("metric"))) {
                return list(series.get("points")).stream().map(p -> number(p.get("value"))).toList();
            }
        }
        throw new AssertionError("the API returned no series " + metric);
    }

    /** A day as the page writes it: 5 Jan 2026. */
    static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Double> numbers(Object values) {
        List<Double> out = new ArrayList<>();
        for (Object v : (List<?>) values) {
            out.add(number(v));
        }
        return out;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
