// People by tier over time, stacked.
import * as format from '../format.js';
import { TIER_COLOURS } from './palette.js';

const TIERS = ['advocate', 'regular', 'participant', 'lapsed'];

export function stackedOption(report) {
  return {
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: report.periods.map((p) => format.period(p.periodStart, report.grain)) },
    yAxis: { type: 'value', axisLabel: { formatter: format.axis('count') } },
    series: TIERS.map((tier) => ({
      name: tier, type: 'bar', stack: 'tiers', color: TIER_COLOURS[tier],
      data: report.periods.map((p) => p.counts[tier]),
    })),
  };
}
