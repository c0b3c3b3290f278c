// The monthly summary page: one request (/api/summary/{month}), every number as the server returned it,
// written with the dashboard's formatting and palette. Month and accounts live in the URL.
import { getJson, me } from '../api.js';
import * as format from '../format.js';
import { GOOD, BAD, NEUTRAL, PALETTE, TIER_COLOURS } from '../charts/palette.js';
import { trendOption } from './trend.js';

const $ = (id) => document.getElementById(id);
const charts = [];

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

/** Response rate and median response time share a card: one question, two numbers. */
const CARD_GROUPS = [['conversations_per_1k_followers', 'conversations'], ['repeat_rate'], ['advocates'],
  ['response_rate', 'median_response_minutes'], ['personalization_score'], ['promotional_share'], ['nps']];

function params() {
  const q = new URLSearchParams(location.search);
  return { month: q.get('month') || '', accounts: q.get('accounts') || '' };
}

function apiPath({ month, accounts }, suffix = '') {
  const q = accounts ? `?accounts=${encodeURIComponent(accounts)}` : '';
  return `/api/summary${month ? `/${month}` : ''}${suffix}${q}`;
}

function comparisonLine(figure, comparison, label) {
  const line = element('p', 'versus');
  line.dataset.month = comparison.month;
  const change = comparison.change === null ? null : format.change(figure.value, comparison.value, figure.unit);
  if (change) {
    const arrow = change.sign > 0 ? '▲' : change.sign < 0 ? '▼' : '■';
    line.classList.add(comparison.verdict);
    line.append(element('span', 'delta', `${arrow} ${change.text}`), ` ${label} (${format.value(comparison.value, figure.unit)})`);
    line.title = `${comparison.verdict}: ${figure.higherIsBetter ? 'higher' : 'lower'} is better`;
  } else {
    line.classList.add('none');
    line.textContent = `${label}: ${comparison.value === null ? 'no value' : `${format.value(comparison.value, figure.unit)}, not compared`}`;
  }
  return line;
}

function figureBlock(figure) {
  const box = element('div', 'figure');
  box.dataset.metric = figure.metric;
  box.dataset.value = figure.value === null ? '' : String(figure.value);
  box.append(element('h3', null, figure.label), element('p', 'value', format.value(figure.value, figure.unit)),
    comparisonLine(figure, figure.previousMonth, 'vs previous month'),
    comparisonLine(figure, figure.yearEarlier, 'vs a year earlier'),
    element('p', 'n', format.n(figure.n)));
  return box;
}

function renderFigures(summary) {
  const cards = [];
  for (const group of CARD_GROUPS) {
    const figures = group.map((key) => summary.headlines.find((f) => f.metric === key)).filter(Boolean);
    if (!figures.length) continue;
    const card = element('article', 'card summary-card');
    figures.forEach((f) => card.append(figureBlock(f)));
    cards.push(card);
  }
  $('figures').replaceChildren(...cards);
}

/** A viewBox lets the printed page scale the drawn chart to its narrower column without drawing it again. */
function scalable(chart) {
  const svg = chart.querySelector('svg');
  if (svg && !svg.getAttribute('viewBox')) {
    svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
  }
}

function renderTrends(summary) {
  charts.splice(0).forEach((c) => c.dispose());
  const boxes = summary.trends.map((trend) => {
    const box = element('figure', 'trend');
    box.dataset.metric = trend.metric;
    const chart = element('div', 'chart');
    box.append(element('figcaption', null, trend.label), chart);
    return { box, chart, trend };
  });
  $('trends').replaceChildren(...boxes.map((b) => b.box));
  for (const { chart, trend } of boxes) {
    const last = trend.points.at(-1);
    const figure = summary.headlines.find((f) => f.metric === trend.metric);
    const verdict = figure?.previousMonth.verdict;
    const colour = verdict === 'better' ? GOOD : verdict === 'worse' ? BAD : last?.value === null ? NEUTRAL : PALETTE[0];
    const instance = echarts.init(chart, null, { renderer: 'svg' });
    instance.on('finished', () => scalable(chart));
    instance.setOption(trendOption(trend, colour));
    charts.push(instance);
  }
}

function row(cells, header = false) {
  const tr = element('tr');
  cells.forEach((c, i) => {
    const cell = element(header || i === 0 ? 'th' : 'td', null, typeof c === 'string' ? c : null);
    if (typeof c !== 'string') cell.append(c);
    if (!header && i === 0) cell.scope = 'row';
    tr.append(cell);
  });
  return tr;
}

function renderTiers(summary) {
  const table = $('tiers');
  table.replaceChildren(row(['Tier', 'People', 'Month before'], true));
  for (const [tier, count] of Object.entries(summary.tiers.counts)) {
    const name = element('span', 'tier');
    const dot = element('i', 'dot');
    dot.style.background = TIER_COLOURS[tier];
    name.append(dot, tier);
    table.append(row([name, format.integer(count), format.integer(summary.tiers.previous[tier])]));
  }
}

function renderSla(summary) {
  const sla = summary.sla;
  $('sla').replaceChildren(element('strong', null, format.value(sla.value, sla.unit)),
    ` of inbound turns answered within ${summary.slaHours} h`,
    comparisonLine(sla, sla.previousMonth, 'vs previous month'));
  $('sla').dataset.value = sla.value === null ? '' : String(sla.value);
  const nps = $('nps');
  $('nps-title').hidden = !summary.npsByTier.length;
  nps.hidden = !summary.npsByTier.length;
  nps.replaceChildren(row(['Tier', 'NPS', 'Answers'], true),
    ...summary.npsByTier.map((t) => row([t.tier, format.value(t.nps, 'score'), format.integer(t.n)])));
}

const COLUMN_LABELS = {
  conversations: 'Conversations', response_rate: 'Response rate', median_response_minutes: 'Median response',
  response_within_sla_rate: 'Within SLA', repeat_rate: 'Repeat rate', personalization_score: 'Personalization',
};

function accountCell(cell) {
  const span = element('span', `cell ${cell.verdict || ''}`, format.value(cell.value, cell.unit));
  if (cell.verdict && cell.verdict !== 'same') span.append(element('i', 'arrow', cell.verdict === 'better' ? ' ▲' : ' ▼'));
  span.title = `month before: ${format.value(cell.previous, cell.unit)}`;
  return span;
}

function renderAccounts(summary) {
  const { rows, improved, declined, metrics } = summary.accounts;
  // many accounts: the three most improved and the three most declined; a few: all of them
  const shown = rows.length <= 8 ? rows : rows.filter((r) => improved.includes(r.account) || declined.includes(r.account));
  const table = $('account-table');
  table.replaceChildren(row(['Account', ...metrics.map((m) => COLUMN_LABELS[m] || m)], true));
  for (const r of shown) {
    const name = element('span', 'account', r.account);
    if (improved.includes(r.account)) name.append(element('em', 'tag better', 'most improved'));
    if (declined.includes(r.account)) name.append(element('em', 'tag worse', 'most declined'));
    const tr = row([name, ...r.cells.map(accountCell)]);
    tr.dataset.account = r.account;
    table.append(tr);
  }
}

function renderAdvocates(summary) {
  const list = $('advocates');
  list.replaceChildren(...summary.advocates.top.map((a) => {
    const li = element('li');
    li.append(element('strong', null, `@${a.handle}`), element('span', 'muted',
      ` ${a.network} · ${a.messagesThisMonth} messages, ${a.shares} shares`));
    return li;
  }));
  $('advocates-total').textContent = summary.advocates.total
    ? `Messages this month, shares in the 90 days to its end. ${format.integer(summary.advocates.total)} advocates in all.`
    : 'No advocates this month.';
}

function render(summary) {
  document.title = `Rapport · ${summary.monthLabel} summary`;
  $('title').textContent = `${summary.monthLabel}`;
  $('subtitle').textContent = `${summary.scope === 'all' ? 'All accounts' : summary.scope.replaceAll('+', ', ')} · ${summary.coverage} · time zone ${summary.timeZone}`;
  $('partial').hidden = !summary.partial;
  $('partial').textContent = summary.partial
    ? `Partial month (${summary.coverage}): its figures are not compared with complete months.` : '';
  $('highlights').replaceChildren(...summary.highlights.map((h) => element('li', null, h)));
  renderFigures(summary);
  renderTiers(summary);
  renderSla(summary);
  renderTrends(summary);
  renderAccounts(summary);
  renderAdvocates(summary);
  $('definitions').replaceChildren(...summary.definitions.flatMap((d) => [element('dt', null, d.label), element('dd', null, d.definition)]));
  $('month').value = summary.month;
}

async function load() {
  const p = params();
  document.body.dataset.loaded = 'false';
  $('status').textContent = 'Loading…';
  $('pdf').href = apiPath(p, p.month ? '.pdf' : '');
  try {
    const summary = await getJson(apiPath(p));
    $('pdf').href = apiPath({ ...p, month: summary.month }, '.pdf');
    render(summary);
    $('status').textContent = '';
  } catch (error) {
    $('status').textContent = error.message;
    $('status').classList.add('error');
  }
  document.body.dataset.loaded = 'true';
}

function navigate(changes) {
  const q = new URLSearchParams(location.search);
  Object.entries(changes).forEach(([k, v]) => (v ? q.set(k, v) : q.delete(k)));
  history.pushState(null, '', `?${q}`);
  load();
}

async function start() {
  const [who, accounts] = await Promise.all([me(), getJson('/api/accounts')]);
  $('delivery').hidden = who.role !== 'admin';
  const select = $('accounts');
  accounts.forEach((a) => select.append(new Option(a.key, a.key)));
  select.value = params().accounts;
  select.addEventListener('change', () => navigate({ accounts: select.value }));
  $('month').addEventListener('change', () => $('month').value && navigate({ month: $('month').value }));
  $('print').addEventListener('click', () => window.print());
  window.addEventListener('popstate', load);
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  window.addEventListener('beforeprint', () => charts.forEach((c) => c.resize()));
  await load();
}

start();
