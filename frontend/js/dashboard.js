// Draws every panel of the table in panels.js from what the server returned; computes nothing itself.
import * as format from './format.js';
import { PANELS } from './panels.js';
import { lineOption } from './charts/line.js';
import { barsOption } from './charts/bars.js';
import { stackedOption } from './charts/stacked.js';
import { sankeyOption } from './charts/sankey.js';
import { heatmapOption } from './charts/heatmap.js';

function panelShell(panel, definitions) {
  const box = document.createElement('section');
  box.className = 'panel';
  box.id = `panel-${panel.id}`;
  box.dataset.chart = panel.chart;
  const title = document.createElement('h2');
  title.textContent = panel.title;
  const info = document.createElement('span');
  info.className = 'info';
  info.textContent = 'i';
  info.title = panel.metrics
    ? panel.metrics.map((m) => `${definitions[m].label}: ${definitions[m].definition}`).join('\n\n')
    : panel.about;
  title.append(info);
  const about = document.createElement('p');
  about.className = 'about';
  about.textContent = panel.about || (panel.metrics ? panel.metrics.map((m) => definitions[m].label).join(' · ') : '');
  const body = document.createElement('div');
  body.className = 'empty';
  body.textContent = 'Loading…';
  box.append(title, about, body);
  return box;
}

function show(box, option) {
  const chart = document.createElement('div');
  chart.className = 'chart';
  box.querySelector('.empty, .chart').replaceWith(chart);
  echarts.init(chart).setOption(option);
}

function say(box, message, isError = false) {
  const note = document.createElement('div');
  note.className = 'empty';
  if (isError) note.classList.add('error');
  note.textContent = message;
  box.querySelector('.empty, .chart').replaceWith(note);
}

function hasValues(series) {
  return series.some((s) => s.points.some((p) => p.value !== null));
}

function optionFor(panel, report, views) {
  if (panel.metrics) {
    const series = panel.metrics.map((m) => report.series.find((s) => s.metric === m));
    return hasValues(series) ? lineOption(series, report.grain) : null;
  }
  const view = views[panel.source];
  switch (panel.chart) {
    case 'bars':
      if (panel.source === 'response-times') {
        if (view.answered + view.unanswered === 0) return null;
        return barsOption(view.buckets.map((b) => b.label), view.buckets.map((b) => b.count), {
          name: 'answered turns', formatter: format.axis('count'),
          tooltip: (i) => `${view.buckets[i].label}: ${view.buckets[i].count} of ${view.answered} answered (${view.unanswered} unanswered)`,
        });
      }
      if (!view.tiers.some((t) => t.n > 0)) return null;
      return barsOption(view.tiers.map((t) => t.tier), view.tiers.map((t) => t.nps), {
        name: 'NPS', formatter: (v) => v,
        tooltip: (i) => `${view.tiers[i].tier}: NPS ${format.value(view.tiers[i].nps, 'score')} (n = ${view.tiers[i].n})`,
      });
    case 'stacked':
      return view.periods.length ? stackedOption(view) : null;
    case 'sankey': {
      const last = view.periods.length ? view.periods[view.periods.length - 1].periodStart : null;
      const moves = view.transitions.filter((t) => t.periodStart === last);
      return moves.length ? sankeyOption(moves) : null;
    }
    case 'heatmap':
      return view.cohorts.some((c) => c.size > 0) ? heatmapOption(view) : null;
    default:
      throw new Error(`no chart builder for ${panel.chart}`);
  }
}

export function renderPanels(container, definitions) {
  container.replaceChildren();
  for (const panel of PANELS) container.append(panelShell(panel, definitions));
}

export function fillPanels(container, report, views, failures = {}) {
  for (const panel of PANELS) {
    const box = container.querySelector(`#panel-${panel.id}`);
    if (panel.source && failures[panel.source]) {
      say(box, `Could not load: ${failures[panel.source]}`, true);
      continue;
    }
    const option = optionFor(panel, report, views);
    if (option) show(box, option);
    else say(box, panel.empty || 'No data in this range for these accounts.');
  }
}
