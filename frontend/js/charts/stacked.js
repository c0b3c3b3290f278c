// People by relationship tier at each period's end (/api/tiers periods), stacked.
import * as format from '../format.js';
import { TIER_COLOURS, TEXT, AXIS_LINE, GRID_LINE } from './palette.js';

export const TIERS = ['advocate', 'regular', 'participant', 'lapsed'];

export function stackedOption(report) {
  const tooltip = (items) => {
    const period = report.periods[items[0].dataIndex];
    const rows = items.map((item) => `${item.marker}${item.seriesName}: <b>${format.integer(item.value)}</b> people`);
    return `<div class="tt-head">end of the ${format.periodLong(period.periodStart, report.grain)}</div>${rows.join('<br>')}`;
  };
  return {
    animationDuration: 300,
    grid: { left: 6, right: 6, top: 34, bottom: 2, containLabel: true },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: TEXT },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, formatter: tooltip },
    xAxis: {
      type: 'category', data: report.periods.map((p) => format.period(p.periodStart, report.grain)),
      axisLabel: TEXT, axisLine: { lineStyle: { color: AXIS_LINE } },
    },
    yAxis: { type: 'value', axisLabel: { ...TEXT, formatter: format.axis('count') }, splitLine: { lineStyle: { color: GRID_LINE } } },
    series: TIERS.map((tier) => ({
      id: tier, name: tier, type: 'bar', stack: 'tiers', barMaxWidth: 34, color: TIER_COLOURS[tier],
      data: report.periods.map((p) => p.counts[tier]),
    })),
  };
}
