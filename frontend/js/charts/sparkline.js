// The small trend under a headline number: no axes, the last value marked.
export function sparklineOption(points, colour) {
  const values = points.map((p) => p.value);
  return {
    animation: false,
    grid: { left: 2, right: 4, top: 4, bottom: 2 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: points.map((p) => p.periodStart) },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { show: false },
    series: [{
      type: 'line', data: values, connectNulls: false, silent: true,
      showSymbol: true, symbolSize: (v, p) => (p.dataIndex === values.length - 1 ? 6 : 0),
      lineStyle: { width: 1.6, color: colour }, itemStyle: { color: colour },
      areaStyle: { color: colour, opacity: 0.08 },
    }],
  };
}
