// Bars by category: the response-time distribution, NPS by tier. Each bar carries its value on top and
// its category's sample size under the axis label.
import * as format from '../format.js';
import { PALETTE, TEXT, AXIS_LINE, GRID_LINE } from './palette.js';

/**
 * categories: [{label, n, colour?}], values: server numbers (null drawn as no bar), unit: format unit;
 * range: optional [min, max] of the value axis; tooltip(i): HTML (escape what came from the server).
 */
export function barsOption({ id, name, categories, values, unit, range, tooltip }) {
  return {
    animationDuration: 300,
    grid: { left: 6, right: 6, top: 22, bottom: 2, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, formatter: (items) => tooltip(items[0].dataIndex) },
    xAxis: {
      type: 'category',
      data: categories.map((c) => (c.n === undefined ? c.label : `${c.label}\n${format.n(c.n)}`)),
      axisLabel: { ...TEXT, interval: 0, lineHeight: 15 }, axisLine: { lineStyle: { color: AXIS_LINE } },
    },
    yAxis: {
      type: 'value', min: range ? range[0] : 0, max: range ? range[1] : null,
      axisLabel: { ...TEXT, formatter: format.axis(unit) }, splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [{
      id, name, type: 'bar', data: values, barMaxWidth: 46,
      itemStyle: { color: (p) => categories[p.dataIndex].colour || PALETTE[0], borderRadius: [3, 3, 0, 0] },
      label: { show: true, position: 'top', ...TEXT, formatter: (p) => format.value(p.value, unit) },
    }],
  };
}
