// The small trend under a headline number.
export function sparklineOption(points, colour) {
  return {
    grid: { left: 0, right: 0, top: 4, bottom: 2 },
    xAxis: { type: 'category', show: false, data: points.map((p) => p.periodStart) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: points.map((p) => p.value), showSymbol: false, lineStyle: { width: 2, color: colour }, areaStyle: { color: colour, opacity: 0.08 } }],
    tooltip: { show: false },
  };
}
