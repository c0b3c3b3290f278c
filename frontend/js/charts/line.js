// Trends of one or more metrics from /api/metrics: one value axis per unit (two at most), the first on the
// left; metrics listed in `bars` are drawn as bars (context beside a trend). Values are the server's, as is.
// A minutes axis whose values span more than LOG_SPAN (a median of minutes beside a p90 of days) is
// logarithmic, so that the smaller line is not pressed flat against zero.
import * as format from '../format.js';
import { PALETTE, TEXT, AXIS_LINE, GRID_LINE } from './palette.js';

function tooltip(series, grain) {
  return (items) => {
    const point = series[0].points[items[0].dataIndex];
    const rows = items.map((item) => {
      const s = series[item.seriesIndex];
      const p = s.points[item.dataIndex];
      const n = p.n === null || p.n === undefined ? '' : ` <span class="tt-n">${format.n(p.n)}</span>`;
      return `${item.marker}${format.escapeHtml(s.label)}: <b>${format.value(p.value, s.unit)}</b>${n}`;
    });
    return `<div class="tt-head">${format.periodLong(point.periodStart, grain)}</div>${rows.join('<br>')}`;
  };
}

const LOG_SPAN = 20;

function valueAxis(unit, index, series) {
  const values = series.filter((s) => s.unit === unit).flatMap((s) => s.points.map((p) => p.value)).filter((v) => v !== null);
  const highest = Math.max(0, ...values);
  const lowest = Math.min(...values.filter((v) => v > 0));
  if (unit === 'minutes' && highest / lowest > LOG_SPAN) {
    return {
      type: 'log', logBase: 10, position: index ? 'right' : 'left', name: 'log scale',
      nameTextStyle: { ...TEXT, align: index ? 'right' : 'left' },
      axisLabel: { ...TEXT, formatter: format.axis(unit) },
      splitLine: { show: index === 0, lineStyle: { color: GRID_LINE } },
    };
  }
  const step = unit === 'minutes' && highest > 0 ? format.minutesStep(highest) : null;
  const shareMax = (range) => (range.max > 0.6 ? 1 : null);
  return {
    interval: step,
    type: 'value',
    position: index ? 'right' : 'left',
    axisLabel: { ...TEXT, formatter: format.axis(unit) },
    splitLine: { show: index === 0, lineStyle: { color: GRID_LINE } },
    // a share axis ends at 100 % when the values come near it, never above
    max: unit === 'share' ? shareMax : step ? (range) => Math.ceil(range.max / step) * step : null,
    min: unit === 'minutes' || unit === 'share' ? 0 : null,
    minInterval: unit === 'count' ? 1 : null,
  };
}

export function lineOption(series, grain, { bars = [] } = {}) {
  const units = [...new Set(series.map((s) => s.unit))].slice(0, 2);
  const withBars = series.some((s) => bars.includes(s.metric));
  const few = series[0].points.length <= 16;
  return {
    color: PALETTE,
    animationDuration: 300,
    // room on the right for the last period's label when no second axis is there
    grid: { left: 6, right: units.length > 1 ? 6 : 20, top: 34, bottom: 2, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll', icon: 'roundRect', itemWidth: 12, itemHeight: 6, textStyle: TEXT },
    tooltip: { trigger: 'axis', confine: true, formatter: tooltip(series, grain) },
    xAxis: {
      type: 'category', boundaryGap: withBars,
      data: series[0].points.map((p) => format.period(p.periodStart, grain)),
      axisLabel: TEXT, axisLine: { lineStyle: { color: AXIS_LINE } }, axisTick: { alignWithLabel: true },
    },
    yAxis: units.map((unit, i) => valueAxis(unit, i, series)),
    series: series.map((s) => {
      const bar = bars.includes(s.metric);
      return {
        id: s.metric, name: s.label, type: bar ? 'bar' : 'line',
        yAxisIndex: Math.max(0, units.indexOf(s.unit)),
        data: s.points.map((p) => p.value),
        ...(bar
          ? { barMaxWidth: 18, itemStyle: { color: '#c3ccd5' }, z: 1 }
          : { showSymbol: few, symbolSize: 5, connectNulls: false, lineStyle: { width: 2 }, z: 2 }),
      };
    }),
  };
}
