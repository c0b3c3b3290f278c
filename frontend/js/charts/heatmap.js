// Cohort retention (/api/cohorts): cohorts down (oldest first, with their size n), periods since across.
import * as format from '../format.js';
import { SEQUENTIAL, TEXT } from './palette.js';

export function heatmapOption(report) {
  const cohorts = report.cohorts;
  const width = Math.max(0, ...cohorts.map((c) => c.retention.length));
  const offsets = Array.from({ length: width }, (_, k) => `+${k + 1}`);
  const data = [];
  cohorts.forEach((c, row) => c.retention.forEach((v, k) => { if (v !== null) data.push([k, row, v]); }));
  const labelled = cohorts.length <= 16;
  // the colour scale ends at the highest retention shown (as a value axis would), so small shares stay visible
  const top = Math.max(0.05, ...data.map((d) => d[2]));
  return {
    animation: false,
    grid: { left: 6, right: 6, top: 6, bottom: 40, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p) => {
        const c = cohorts[p.value[1]];
        return `<div class="tt-head">People first seen in the ${format.periodLong(c.cohortStart, report.grain)}</div>`
          + `${format.n(c.size)} people<br>active ${p.value[0] + 1} ${report.grain}${p.value[0] ? 's' : ''} later: `
          + `<b>${format.percent(p.value[2])}</b>`;
      },
    },
    xAxis: { type: 'category', data: offsets, name: `${report.grain}s later`, nameLocation: 'middle', nameGap: 22,
      nameTextStyle: TEXT, axisLabel: TEXT, splitArea: { show: false }, axisTick: { show: false } },
    yAxis: { type: 'category', inverse: true, axisTick: { show: false }, axisLabel: { ...TEXT, fontSize: 10 },
      data: cohorts.map((c) => `${format.period(c.cohortStart, report.grain)} · ${format.n(c.size)}`) },
    visualMap: { show: !labelled, min: 0, max: top, orient: 'horizontal', right: 0, bottom: 0, itemHeight: 90, itemWidth: 10,
      text: [format.percent(top, { whole: true }), '0 %'], textStyle: TEXT, inRange: { color: SEQUENTIAL } },
    series: [{
      type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 },
      label: {
        show: labelled, fontSize: 10,
        // dark text on light cells, white on dark ones
        formatter: (p) => `{${p.value[2] > 0.55 * top ? 'dark' : 'light'}|${format.percent(p.value[2], { whole: true })}}`,
        rich: { dark: { color: '#fff', fontSize: 10 }, light: { color: '#1f2328', fontSize: 10 } },
      },
      emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } },
    }],
  };
}
