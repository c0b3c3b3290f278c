// Trend lines for one or two units: the first unit on the left axis, a second one on the right.
import * as format from '../format.js';
import { PALETTE } from './palette.js';

export function lineOption(series, grain) {
  const units = [...new Set(series.map((s) => s.unit))].slice(0, 2);
  const labels = series[0].points.map((p) => format.period(p.periodStart, grain));
  return {
    color: PALETTE,
    grid: { left: 76, right: units.length > 1 ? 76 : 16, top: 36, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => items.map((item) => {
        const s = series[item.seriesIndex];
        const point = s.points[item.dataIndex];
        const n = point.n === null || point.n === undefined ? '' : ` (n = ${point.n})`;
        return `${item.marker}${s.label}: ${format.value(point.value, s.unit)}${n}`;
      }).join('<br>') + `<br><span style="color:#57606a">week of ${items[0].axisValue}</span>`,
    },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: units.map((unit, i) => ({ type: 'value', position: i ? 'right' : 'left', axisLabel: { formatter: format.axis(unit) }, splitLine: { show: i === 0 } })),
    series: series.map((s) => ({
      name: s.label, type: 'line', showSymbol: s.points.length <= 16, connectNulls: false,
      yAxisIndex: Math.max(0, units.indexOf(s.unit)),
      data: s.points.map((p) => p.value),
    })),
  };
}
