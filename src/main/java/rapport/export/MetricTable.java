package rapport.export;

import rapport.metrics.MetricPoint;
import rapport.metrics.MetricReport;
import rapport.metrics.MetricSeries;
import rapport.system.BadRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The two shapes of the metrics CSV: long (a row per period, scope and metric) and wide (a column per metric). */
enum MetricTable {
    LONG {
        @Override
        List<String> header(List<String> metrics) {
            return List.of("period_start", "period_end", "grain", "scope", "metric", "value", "n");
        }

        @Override
        List<List<?>> rows(List<MetricReport> reports) {
            List<List<?>> rows = new ArrayList<>();
            for (MetricReport report : reports) {
                for (MetricSeries series : report.series()) {
                    for (MetricPoint point : series.points()) {
                        rows.add(Arrays.asList(point.periodStart(), point.periodEnd(), report.grain(), report.scope(), series.metric(),
                                point.value(), point.n()));
                    }
                }
            }
            return rows;
        }
    },
    WIDE {
        @Override
        List<String> header(List<String> metrics) {
            List<String> header = new ArrayList<>(List.of("period_start", "period_end", "grain", "scope"));
            for (String metric : metrics) {
                header.add(metric);
                header.add(metric + "_n");
            }
            return header;
        }

        @Override
        List<List<?>> rows(List<MetricReport> reports) {
            List<List<?>> rows = new ArrayList<>();
            for (MetricReport report : reports) {
                List<MetricSeries> series = report.series();
                int periods = series.isEmpty() ? 0 : series.get(0).points().size();
                for (int i = 0; i < periods; i++) {
                    MetricPoint first = series.get(0).points().get(i);
                    List<Object> row = new ArrayList<>(List.of(first.periodStart(), first.periodEnd(), report.grain(), report.scope()));
                    for (MetricSeries s : series) {
                        row.add(s.points().get(i).value());
                        row.add(s.points().get(i).n());
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    };

    /** The header for these metric keys, in their order. */
    abstract List<String> header(List<String> metrics);

    abstract List<List<?>> rows(List<MetricReport> reports);

    static MetricTable of(String format) {
        if (format == null || format.isBlank() || format.equals("long")) {
            return LONG;
        }
        if (format.equals("wide")) {
            return WIDE;
        }
        throw new BadRequest("format: must be 'long' or 'wide', not '" + format + "'");
    }
}
