// Bars by category: response-time buckets, NPS by tier.
import { PALETTE } from './palette.js';

export function barsOption(categories, values, { name, formatter, tooltip }) {
  return {
    color: PALETTE,
    grid: { left: 56, right: 16, top: 24, bottom: 36 },
    tooltip: { trigger: 'axis', formatter: (items) => tooltip(items[0].dataIndex) },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter } },
    series: [{ name, type: 'bar', data: values, barMaxWidth: 42 }],
  };
}
