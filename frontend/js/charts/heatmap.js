// Cohort retention: cohorts down, periods since the first visit across.
import * as format from '../format.js';

export function heatmapOption(report) {
  const cohorts = report.cohorts;
  const offsets = cohorts.length ? cohorts[0].retention.map((_, k) => `+${k + 1}`) : [];
  const data = [];
  cohorts.forEach((c, row) => c.retention.forEach((v, k) => { if (v !== null) data.push([k, row, v]); }));
  return {
    grid: { left: 90, right: 16, top: 8, bottom: 56 },
    tooltip: {
      formatter: (p) => `cohort of ${format.period(cohorts[p.value[1]].cohortStart, report.grain)} (${cohorts[p.value[1]].size} people)`
        + `<br>${offsets[p.value[0]]}: ${format.value(p.value[2], 'share')}`,
    },
    xAxis: { type: 'category', data: offsets, splitArea: { show: true } },
    yAxis: { type: 'category', data: cohorts.map((c) => `${format.period(c.cohortStart, report.grain)} · ${c.size}`), inverse: true },
    visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      inRange: { color: ['#f7fbff', '#56B4E9', '#0072B2'] }, formatter: (v) => `${Math.round(v * 100)} %` },
    series: [{ type: 'heatmap', data, label: { show: false } }],
  };
}
