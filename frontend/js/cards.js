// Headline cards: the last period's value, the comparison period's value (both from the server), the
// displayed difference of the two coloured by whether higher is better, a sparkline of the range and n.
// A value over fewer cases than the workspace's small-sample threshold is marked so, and its change is not
// coloured: 3 of 3 people coming back is not news. A period in which no card has a value holds no data:
// its figures are shown as "—", not as zeros, and it is not compared with.
import * as format from './format.js';
import { sparklineOption } from './charts/sparkline.js';
import { GOOD, BAD, NEUTRAL } from './charts/palette.js';
import { CARDS } from './panels.js';
import { infoButton } from './definitions.js';

const NO_EARLIER = 'no earlier value to compare with';

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

/** Whether any card metric has a value (a count above zero, or any ratio) at point index i of a report. */
function hasData(report, index) {
  return report.series.some((s) => {
    const p = s.points[index < 0 ? s.points.length + index : index];
    return p && p.value !== null && (s.unit !== 'count' || p.value !== 0);
  });
}

/** Fewer cases than the threshold behind a value (counts have no n: they are never "small"). */
function small(point, threshold) {
  return point && point.value !== null && point.n !== null && point.n !== undefined && point.n < threshold;
}

function verdict(change, higherIsBetter, smallSample) {
  if (!change || change.sign === 0) return 'same';
  if (smallSample) return 'uncertain';
  return (change.sign > 0) === higherIsBetter ? 'better' : 'worse';
}

/** The server's values as they came, for whoever checks the page against the API. */
function raw(point) {
  return !point || point.value === null ? '' : String(point.value);
}

function card(series, serverPrevious, { previousPeriod, grain, empty, threshold, lastEmpty, comparedEmpty }) {
  const points = series.points;
  const box = element('article', 'card');
  box.dataset.metric = series.metric;
  box.dataset.value = raw(points[points.length - 1]);
  box.dataset.previous = raw(serverPrevious);
  const last = lastEmpty ? { ...points[points.length - 1], value: null } : points[points.length - 1];
  const previous = comparedEmpty ? null : serverPrevious;

  const head = element('h3');
  head.append(element('span', 'label', series.label),
    infoButton(series.label, [{ label: series.label, definition: series.definition }]));
  const value = element('p', 'value', format.value(last.value, series.unit));

  const smallSample = small(last, threshold) || small(previous, threshold);
  const change = previous ? format.change(last.value, previous.value, series.unit) : null;
  const judged = verdict(change, series.higherIsBetter, smallSample);
  const line = element('p', `change ${judged}`);
  if (change) {
    const arrow = change.sign > 0 ? '▲' : change.sign < 0 ? '▼' : '■';
    line.append(element('span', 'delta', `${arrow} ${change.text}`),
      element('span', 'versus', ` vs ${format.value(previous.value, series.unit)}`));
    line.dataset.period = previousPeriod;
    line.title = judged === 'same' ? 'unchanged'
      : judged === 'uncertain' ? `too few cases to call it better or worse (fewer than ${threshold})`
        : `${judged}: ${series.higherIsBetter ? 'higher' : 'lower'} is better`;
  } else if (empty && points.every((p) => p.value === null)) {
    line.classList.add('hint');
    line.textContent = empty;
  } else if (last.value === null) {
    line.textContent = previous && previous.value !== null
      ? `no value this ${grain}; ${format.value(previous.value, series.unit)} before` : `no value this ${grain}`;
  } else {
    line.textContent = NO_EARLIER;
  }

  const spark = element('div', 'spark');
  const foot = element('p', 'n', format.n(last.n));
  if (smallSample) {
    box.classList.add('small-sample');
    foot.append(element('span', 'small', ' · small sample'));
    foot.title = `Fewer than ${threshold} cases behind this value or the one it is compared with: read the change with care.`;
  }
  box.append(head, value, line, spark, foot);
  return { box, spark, colour: judged === 'better' ? GOOD : judged === 'worse' ? BAD : NEUTRAL, points };
}

/**
 * report: /api/metrics for the range; comparison: /api/metrics for the one comparison period (or null
 * when it could not be loaded); threshold: the workspace's small-sample threshold (/api/workspace).
 */
export function renderCards(container, report, comparison, threshold = 0) {
  disposeCharts(container);
  container.replaceChildren();
  const compared = comparison?.series[0]?.points[0];
  const previousPeriod = compared ? format.periodLong(compared.periodStart, report.grain) : '';
  const lastEmpty = !hasData(report, -1);
  const comparedEmpty = !comparison || !hasData(comparison, 0);
  for (const { metric, empty } of CARDS) {
    const series = report.series.find((s) => s.metric === metric);
    if (!series || !series.points.length) continue;
    const previous = comparison?.series.find((s) => s.metric === metric)?.points[0] ?? null;
    const made = card(series, previous, { previousPeriod, grain: report.grain, empty, threshold, lastEmpty, comparedEmpty });
    container.append(made.box);
    echarts.init(made.spark).setOption(sparklineOption(made.points, made.colour));
  }
}
