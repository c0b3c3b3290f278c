// Draws every panel of the table in panels.js from what the server returned: picks the chart builder,
// says why when there is nothing to draw, shows n. Computes no number itself.
import * as format from './format.js';
import { GROUPS, PANELS } from './panels.js';
import { infoButton, entriesFor } from './definitions.js';
import { lineOption } from './charts/line.js';
import { barsOption } from './charts/bars.js';
import { stackedOption, TIERS } from './charts/stacked.js';
import { sankeyOption } from './charts/sankey.js';
import { heatmapOption } from './charts/heatmap.js';
import { TIER_COLOURS } from './charts/palette.js';
import { addDownloadMenu } from './download.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function panelShell(panel, definitions) {
  const box = element('section', panel.wide ? 'panel wide' : 'panel');
  box.id = `panel-${panel.id}`;
  box.dataset.chart = panel.chart;
  box.dataset.source = panel.source || 'metrics';
  const head = element('h3');
  const entries = panel.metrics ? entriesFor(panel.metrics, definitions) : [];
  if (panel.about) entries.unshift({ label: panel.title, definition: panel.about });
  head.append(element('span', 'title', panel.title), infoButton(panel.title, entries));
  const about = element('p', 'about',
    panel.about || (panel.metrics ? panel.metrics.map((m) => definitions[m]?.label || m).join(' · ') : ''));
  box.append(head, about, element('div', 'state loading', 'Loading…'), element('p', 'foot'));
  return box;
}

/** The panels' empty frames, grouped by the question they answer, each saying "Loading…". */
export function renderPanels(container, definitions) {
  container.querySelectorAll('.chart').forEach((el) => echarts.getInstanceByDom(el)?.dispose());
  container.replaceChildren();
  for (const group of GROUPS) {
    const section = element('section', 'group');
    section.id = `group-${group.id}`;
    const grid = element('div', 'panels');
    for (const panel of PANELS.filter((p) => p.group === group.id)) grid.append(panelShell(panel, definitions));
    section.append(element('h2', 'group-title', group.title), grid);
    container.append(section);
  }
}

function hasValues(series) {
  return series.some((s) => s.points.some((p) => p.value !== null));
}

const TIER_NAMES = { advocate: 'Advocate', regular: 'Regular', participant: 'Participant', lapsed: 'Lapsed', none: 'No tier' };

/** Per server view: the chart option (null when there is nothing to draw) and the line about n under it. */
const VIEWS = {
  'response-times': (view) => ({
    option: view.answered === 0 ? null : barsOption({
      id: 'response-times', name: 'answered turns', unit: 'count',
      categories: view.buckets.map((b) => ({ label: b.label })),
      values: view.buckets.map((b) => b.count),
      tooltip: (i) => `${format.escapeHtml(view.buckets[i].label)}: <b>${format.integer(view.buckets[i].count)}</b> answered turns`,
    }),
    foot: `n = ${format.integer(view.answered)} answered inbound turns · ${format.integer(view.unanswered)} not answered`,
    empty: 'No answered inbound turns in this range.',
  }),
  'nps-by-tier': (view) => ({
    option: !view.tiers.some((t) => t.n > 0) ? null : barsOption({
      id: 'nps-by-tier', name: 'NPS', unit: 'score', range: [-100, 100],
      categories: view.tiers.map((t) => ({ label: TIER_NAMES[t.tier] || t.tier, n: t.n, colour: TIER_COLOURS[t.tier] })),
      values: view.tiers.map((t) => t.nps),
      tooltip: (i) => `${format.escapeHtml(view.tiers[i].tier)}: NPS <b>${format.value(view.tiers[i].nps, 'score')}</b> (${format.n(view.tiers[i].n)})`,
    }),
    foot: 'n = survey answers per tier, under each bar. NPS runs from −100 to 100.',
  }),
  tiers: (view, panel) => {
    const counted = view.periods.some((p) => TIERS.some((t) => p.counts[t] > 0));
    if (panel.chart === 'stacked') {
      return { option: counted ? stackedOption(view) : null, foot: 'n = people in each tier; hover a bar for the counts.' };
    }
    const last = view.periods[view.periods.length - 1];
    const before = view.periods[view.periods.length - 2];
    const moves = last ? view.transitions.filter((t) => t.periodStart === last.periodStart) : [];
    const name = (p) => (view.grain === 'month' ? format.period(p.periodStart, 'month') : `${format.period(p.periodStart, 'week')} week`);
    return {
      option: moves.length ? sankeyOption(moves, { before: before ? `End of ${name(before)}` : 'Before', after: last ? `End of ${name(last)}` : '' }) : null,
      foot: 'n = people on each flow; hover a flow for the count. "Gone": no longer in any tier.',
      empty: 'No one in a tier at the end of the last period.',
    };
  },
  cohorts: (view) => ({
    option: view.cohorts.some((c) => c.size > 0) ? heatmapOption(view) : null,
    foot: 'n = people in the cohort, beside each cohort.',
    height: Math.max(270, 64 + view.cohorts.length * (view.cohorts.length > 16 ? 13 : 20)),
  }),
};

function metricsPanel(panel, report) {
  const series = panel.metrics.map((m) => report.series.find((s) => s.metric === m)).filter(Boolean);
  if (!series.length || !hasValues(series)) return { option: null };
  const last = series[0].points[series[0].points.length - 1];
  const ns = series.filter((s) => s.points.length && s.points[s.points.length - 1].n !== null)
    .map((s) => `${s.label}: ${format.n(s.points[s.points.length - 1].n)}`);
  return {
    option: lineOption(series, report.grain, { bars: panel.bars }),
    foot: ns.length ? `${format.periodLong(last.periodStart, report.grain).replace(/^w/, 'W')} · ${ns.join(' · ')} · hover for every ${report.grain}` : '',
  };
}

function replaceState(box, node) {
  const old = box.querySelector('.chart, .state');
  const chart = old?.classList.contains('chart') ? old : null;
  if (chart) echarts.getInstanceByDom(chart)?.dispose();
  old.replaceWith(node);
}

function draw(box, option, height) {
  const chart = element('div', 'chart');
  if (height) chart.style.minHeight = `${height}px`;
  replaceState(box, chart);
  const drawn = echarts.init(chart);
  drawn.setOption(option);
  addDownloadMenu(box, drawn, box.querySelector('.title').textContent);
}

function say(box, message, kind) {
  replaceState(box, element('div', `state ${kind}`, message));
}

/** Fills every panel: report is /api/metrics, views the server views by name, failures their errors. */
export function fillPanels(container, report, views, failures = {}) {
  for (const panel of PANELS) {
    const box = container.querySelector(`#panel-${panel.id}`);
    const foot = box.querySelector('.foot');
    if (panel.source && failures[panel.source]) {
      say(box, `Could not load this panel: ${failures[panel.source]}`, 'error');
      foot.textContent = '';
      continue;
    }
    const made = panel.source ? VIEWS[panel.source](views[panel.source], panel) : metricsPanel(panel, report);
    if (made.option) {
      draw(box, made.option, made.height);
      foot.textContent = made.foot || '';
    } else {
      say(box, panel.empty || made.empty || 'No data in this range for these accounts.', 'empty');
      foot.textContent = '';
    }
  }
  resizeCharts(); // panels in a row grow to the tallest one: their charts fill the room
}

/** Every panel says the same error (the metrics themselves could not be loaded). */
export function failPanels(container, message) {
  for (const box of container.querySelectorAll('.panel')) {
    say(box, message, 'error');
    box.querySelector('.foot').textContent = '';
  }
}

export function resizeCharts() {
  document.querySelectorAll('.chart, .spark').forEach((el) => echarts.getInstanceByDom(el)?.resize());
}

