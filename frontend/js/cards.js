// Headline cards: the last period's value, the comparison period's value (both from the server), the
// displayed difference of the two coloured by whether higher is better, a sparkline of the range and n.
import * as format from './format.js';
import { sparklineOption } from './charts/sparkline.js';
import { GOOD, BAD, NEUTRAL } from './charts/palette.js';
import { CARDS } from './panels.js';
import { infoButton } from './definitions.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function disposeCharts(container) {
  container.querySelectorAll('.spark').forEach((el) => echarts.getInstanceByDom(el)?.dispose());
}

/** Placeholders while the numbers load. */
export function cardsLoading(container) {
  disposeCharts(container);
  container.replaceChildren(...CARDS.map(() => element('article', 'card loading', '')));
}

function verdict(change, higherIsBetter) {
  if (!change || change.sign === 0) return 'same';
  return (change.sign > 0) === higherIsBetter ? 'better' : 'worse';
}

function card(series, previous, previousPeriod, grain, empty) {
  const points = series.points;
  const last = points[points.length - 1];
  const box = element('article', 'card');
  box.dataset.metric = series.metric;
  box.dataset.value = last.value === null ? '' : String(last.value);
  box.dataset.previous = !previous || previous.value === null ? '' : String(previous.value);

  const head = element('h3');
  head.append(element('span', 'label', series.label),
    infoButton(series.label, [{ label: series.label, definition: series.definition }]));
  const value = element('p', 'value', format.value(last.value, series.unit));

  const change = previous ? format.change(last.value, previous.value, series.unit) : null;
  const judged = verdict(change, series.higherIsBetter);
  const line = element('p', `change ${judged}`);
  if (change) {
    const arrow = change.sign > 0 ? '▲' : change.sign < 0 ? '▼' : '■';
    line.append(element('span', 'delta', `${arrow} ${change.text}`),
      element('span', 'versus', ` vs ${format.value(previous.value, series.unit)}`));
    line.dataset.period = previousPeriod;
    line.title = judged === 'same' ? 'unchanged' : `${judged}: ${series.higherIsBetter ? 'higher' : 'lower'} is better`;
  } else if (empty && points.every((p) => p.value === null)) {
    line.classList.add('hint');
    line.textContent = empty;
  } else {
    line.textContent = previous && previous.value !== null
      ? `no value this ${grain}; ${format.value(previous.value, series.unit)} before`
      : last.value === null ? `no value this ${grain}` : 'no earlier value to compare with';
  }

  const spark = element('div', 'spark');
  const foot = element('p', 'n', format.n(last.n));
  box.append(head, value, line, spark, foot);
  return { box, spark, colour: judged === 'better' ? GOOD : judged === 'worse' ? BAD : NEUTRAL, points };
}

/**
 * report: /api/metrics for the range; comparison: /api/metrics for the one comparison period (or null
 * when it could not be loaded).
 */
export function renderCards(container, report, comparison) {
  disposeCharts(container);
  container.replaceChildren();
  const compared = comparison?.series[0]?.points[0];
  const previousPeriod = compared ? format.periodLong(compared.periodStart, report.grain) : '';
  for (const { metric, empty } of CARDS) {
    const series = report.series.find((s) => s.metric === metric);
    if (!series || !series.points.length) continue;
    const previous = comparison?.series.find((s) => s.metric === metric)?.points[0] ?? null;
    const made = card(series, previous, previousPeriod, report.grain, empty);
    container.append(made.box);
    echarts.init(made.spark).setOption(sparklineOption(made.points, made.colour));
  }
}
