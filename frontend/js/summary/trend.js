// A small 13-month trend: one line in the dashboard's palette, month labels, the unit's axis format.
import * as format from '../format.js';
import { TEXT, AXIS_LINE, GRID_LINE } from '../charts/palette.js';

export function trendOption(trend, colour) {
  return {
    animation: false,
    grid: { left: 46, right: 22, top: 10, bottom: 22 },
    xAxis: {
      type: 'category', boundaryGap: false, data: trend.points.map((p) => format.period(`${p.month}-01`, 'month')),
      axisLabel: { ...TEXT, fontSize: 10, interval: 3 }, axisLine: { lineStyle: { color: AXIS_LINE } }, axisTick: { show: false },
    },
    yAxis: {
      type: 'value', scale: trend.unit !== 'share', min: trend.unit === 'share' ? 0 : undefined, splitNumber: 3,
      axisLabel: { ...TEXT, fontSize: 10, formatter: format.axis(trend.unit) }, splitLine: { lineStyle: { color: GRID_LINE } },
    },
    tooltip: { trigger: 'axis', valueFormatter: (v) => format.value(v, trend.unit) },
    series: [{
      type: 'line', name: trend.label, data: trend.points.map((p) => p.value), connectNulls: false,
      showSymbol: true, symbolSize: (v, p) => (p.dataIndex === trend.points.length - 1 ? 7 : 3),
      lineStyle: { width: 2, color: colour }, itemStyle: { color: colour }, areaStyle: { color: colour, opacity: 0.07 },
    }],
  };
}
