// Headline cards: last period's value, its change against the comparison, and a sparkline.
import * as format from './format.js';
import { sparklineOption } from './charts/sparkline.js';
import { CARDS } from './panels.js';

export function renderCards(container, report, comparison, compareLabel) {
  container.replaceChildren();
  for (const key of CARDS) {
    const series = report.series.find((s) => s.metric === key);
    const points = series.points;
    const last = points[points.length - 1];
    const previous = comparison
      ? comparison.series.find((s) => s.metric === key).points.slice(-1)[0]
      : points[points.length - 2];
    const card = document.createElement('article');
    card.className = 'card';
    card.dataset.metric = key;
    const title = document.createElement('h3');
    title.textContent = series.label;
    const info = document.createElement('span');
    info.className = 'info';
    info.textContent = 'i';
    info.title = series.definition;
    title.append(info);
    const value = document.createElement('p');
    value.className = 'value';
    value.textContent = format.value(last.value, series.unit);
    const delta = document.createElement('div');
    const text = previous ? format.delta(last.value, previous.value, series.unit) : '';
    const change = previous && last.value !== null && previous.value !== null ? Math.sign(last.value - previous.value) : 0;
    delta.className = `delta ${change > 0 ? 'up' : change < 0 ? 'down' : 'flat'}-${(change > 0) === series.higherIsBetter ? 'good' : 'bad'}`;
    delta.textContent = text ? `${text} vs ${compareLabel}` : `no value for ${compareLabel}`;
    const n = document.createElement('div');
    n.className = 'n';
    n.textContent = last.n === null || last.n === undefined ? `period from ${last.periodStart}` : `n = ${last.n} · period from ${last.periodStart}`;
    const spark = document.createElement('div');
    spark.className = 'spark';
    card.append(title, value, delta, spark, n);
    container.append(card);
    echarts.init(spark).setOption(sparklineOption(points, change === 0 ? '#57606a' : (change > 0) === series.higherIsBetter ? '#0072B2' : '#D55E00'));
  }
}
