// A person's profile: totals, threads with the brand as a timeline, weekly tiers, survey answers. Handles and
// message texts are untrusted: they are only ever set as text (textContent), never as markup.
import { getJson, me } from '../api.js';
import * as format from '../format.js';
import { COLUMNS } from './columns.js';
import { TIER_COLOURS, TEXT } from '../charts/palette.js';

const $ = (id) => document.getElementById(id);
const TIERS = ['none', 'lapsed', 'participant', 'regular', 'advocate'];
const TOTALS = ['messages', 'conversations', 'inbound_turns', 'answered_turns', 'median_response_minutes', 'amplifications',
  'reactions', 'active_weeks', 'tier', 'tier_90_days_ago', 'latest_nps', 'first_seen', 'last_seen', 'accounts'];

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

function totals(row) {
  if (!row) {
    $('totals').replaceChildren(element('p', 'muted', 'No messages in this scope.'));
    return;
  }
  $('totals').replaceChildren(...TOTALS.map((key) => {
    const column = COLUMNS.find((c) => c.key === key);
    const box = element('div');
    box.append(element('dt', null, column.label), element('dd', null, column.text(row[key])));
    return box;
  }));
}

function message(m) {
  const li = element('li', m.fromBrand ? 'brand' : 'person');
  const meta = element('div', 'meta');
  meta.append(element('time', null, new Date(m.createdAt).toISOString().replace('T', ' ').slice(0, 16)),
    element('span', null, m.kind), element('span', null, m.account),
    element('span', 'author', m.fromBrand ? 'brand' : `@${m.authorHandle || ''}`));
  if (m.canned) meta.append(element('span', 'badge', 'canned reply'));
  if (m.opensTurn) {
    meta.append(m.responseMinutes === null
      ? element('span', 'badge unanswered', 'not answered')
      : element('span', 'badge answered', `answered after ${format.duration(m.responseMinutes)}`));
  }
  li.append(meta, element('div', 'text', m.text));
  return li;
}

function threads(list) {
  if (!list.length) {
    $('threads').replaceChildren(element('p', 'muted', 'No threads in this scope.'));
    return;
  }
  $('threads').replaceChildren(...list.map((t) => {
    const ol = element('ol', 'thread');
    ol.append(...t.messages.map(message));
    return ol;
  }));
}

function tierChart(history) {
  const chart = echarts.init($('tier-chart'));
  chart.setOption({
    animation: false,
    grid: { left: 6, right: 10, top: 8, bottom: 2, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (items) => `${items[0].axisValue}: <b>${format.escapeHtml(TIERS[items[0].value])}</b>` },
    xAxis: { type: 'category', data: history.map((w) => w.weekEnd.slice(0, 10)), axisLabel: TEXT },
    yAxis: { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { ...TEXT, formatter: (v) => TIERS[v] } },
    series: [{ type: 'line', step: 'end', data: history.map((w) => TIERS.indexOf(w.tier)),
      itemStyle: { color: (p) => TIER_COLOURS[TIERS[p.value]] || '#999' }, lineStyle: { color: '#8a96a3' } }],
  });
}

function surveys(list) {
  $('surveys').replaceChildren(...(list.length ? list.map((s) => element('li', null, `${s.day}: ${s.score}`))
    : [element('li', 'muted', 'No answers.')]));
}

async function start() {
  const p = new URLSearchParams(location.search);
  const back = new URLSearchParams();
  if (p.get('accounts')) back.set('accounts', p.get('accounts'));
  $('back').href = `/people.html?${back}`;
  try {
    await me();
    const profile = await getJson(`/api/people/profile?${p}`);
    document.title = `Rapport · ${profile.handle}`;
    $('handle').textContent = profile.handle;
    $('key').textContent = `${profile.network} · author id ${profile.authorId} · ${profile.scope === 'all' ? 'all accounts' : p.get('accounts')}`;
    totals(profile.totals);
    threads(profile.threads);
    tierChart(profile.tierHistory);
    surveys(profile.surveys);
  } catch (e) {
    $('handle').textContent = 'Person not shown';
    $('status').textContent = e.message;
    $('status').classList.add('error');
  }
  document.body.dataset.loaded = 'true';
}

start();
