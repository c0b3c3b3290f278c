// Wires the page: who is signed in, the filters (kept in the URL), one round of requests per view, the
// cards and panels, the import dialog. Every number drawn is one the server returned.
import { getJson, me, post, query } from './api.js';
import * as format from './format.js';
import { readState, writeState, ranges, scopeText } from './filters.js';
import { AccountPicker } from './accounts.js';
import { CARDS, metricKeys, sources } from './panels.js';
import { renderCards, cardsLoading } from './cards.js';
import { renderPanels, fillPanels, failPanels, resizeCharts } from './dashboard.js';
import { setUpImport } from './import.js';

const $ = (id) => document.getElementById(id);
let accounts = [];
let definitions = {};
let workspace = { timeZone: 'UTC', smallSample: 0 };
let picker;
let generation = 0;

function status(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

function loaded(done) {
  document.body.dataset.loaded = String(done);
}

function showState(state, range) {
  picker.fill(accounts, state);
  $('range').value = state.range;
  $('compare').value = state.compare;
  $('end').value = range ? range.to : '';
  $('end-latest').hidden = !state.end;
}

/** A filter changed: record it in the URL and load again (quickly repeated changes load once). */
let pending;
function changeState(changes) {
  writeState({ ...readState(), ...changes });
  generation += 1; // what is loading now is for the old filters
  loaded(false);
  clearTimeout(pending);
  pending = setTimeout(load, 250);
}

function titles(range, report, comparison) {
  const last = report.series[0]?.points.at(-1);
  const compared = comparison?.series[0]?.points[0];
  const long = (point) => format.periodLong(point.periodStart, range.grain);
  $('period-title').textContent = last ? long(last).replace(/^week/, 'Week') : 'No periods in this range';
  const why = readState().compare === 'year' ? 'a year earlier' : `the ${range.grain} before`;
  $('period-compare').textContent = compared ? `compared with ${range.grain === 'week' ? 'the ' : ''}${long(compared)} (${why})` : '';
}

async function load() {
  const mine = ++generation;
  const state = readState();
  const range = ranges(state, accounts, new Date(), workspace.timeZone);
  showState(state, range);
  const q = { grain: range.grain, from: range.from, to: range.to, accounts: range.accounts };
  $('export').href = `/api/export/metrics.csv?${query(q)}`;
  document.body.dataset.query = query(q); // what was asked, for whoever checks the page against the API
  document.body.dataset.compareStart = range.compareStart;
  loaded(false);
  status('Loading…');
  cardsLoading($('cards'));
  renderPanels($('panels'), definitions);
  const cardKeys = CARDS.map((c) => c.metric).join(',');
  const attempt = (promise) => promise.then((value) => ({ value }), (error) => ({ error: error.message }));
  const [report, comparison, ...views] = await Promise.all([
    attempt(getJson(`/api/metrics?${query(q, { metrics: metricKeys().join(',') })}`)),
    attempt(getJson(`/api/metrics?${query({ ...q, from: range.compareStart, to: range.compareStart }, { metrics: cardKeys })}`)),
    ...sources().map((source) => attempt(getJson(`/api/${source}?${query(q)}`))),
  ]);
  if (mine !== generation) return; // a newer choice of filters is loading
  if (report.error) {
    $('cards').replaceChildren();
    failPanels($('panels'), `Could not load the metrics: ${report.error}`);
    $('period-title').textContent = 'Could not load the dashboard';
    status(report.error, true);
    loaded(true);
    return;
  }
  const byName = {};
  const failures = {};
  sources().forEach((source, i) => { if (views[i].error) failures[source] = views[i].error; else byName[source] = views[i].value; });
  titles(range, report.value, comparison.value);
  renderCards($('cards'), report.value, comparison.value ?? null, workspace.smallSample);
  fillPanels($('panels'), report.value, byName, failures);
  const periods = report.value.series[0]?.points.length ?? 0;
  status(`${scopeText(state, accounts)} · ${periods} ${range.grain}s from ${format.day(report.value.from)}`
    + ` · time zone ${report.value.timeZone}${comparison.error ? ` · comparison unavailable: ${comparison.error}` : ''}`
    + (state.notice ? ` · ${state.notice}` : ''),
  Boolean(comparison.error || state.notice));
  loaded(true);
}

function noDataYet() {
  $('period-title').textContent = 'No data yet';
  $('period-compare').textContent = '';
  $('cards').replaceChildren();
  const box = document.createElement('div');
  box.className = 'start';
  const text = document.createElement('p');
  if ($('open-import').hidden) {
    text.textContent = 'Nothing has been imported yet. Ask an administrator to import your messages.';
    box.append(text);
  } else {
    text.textContent = 'Import your messages (CSV, NDJSON or the twcs export) to begin; follower snapshots and '
      + 'survey answers add conversations per 1,000 followers and NPS.';
    const start = document.createElement('button');
    start.type = 'button';
    start.className = 'button';
    start.textContent = 'Import a file…';
    start.addEventListener('click', () => $('open-import').click());
    box.append(text, start);
  }
  $('panels').replaceChildren(box);
  status('');
  loaded(true);
}

async function refreshAccounts() {
  accounts = await getJson('/api/accounts');
}

async function start() {
  try {
    const who = await me();
    $('who').textContent = who.username;
    $('who').title = `signed in as ${who.username} (${who.role})`;
    $('open-import').hidden = who.role !== 'admin';
    // admins see "Admin" (users, tokens, data) where others see their name: the header keeps its width
    $('open-admin').hidden = who.role !== 'admin';
    $('open-admin').title = `signed in as ${who.username} (admin): users, tokens and data`;
    $('who').hidden = who.role === 'admin';
    $('export').hidden = who.role === 'viewer';
    const [, defs, settings] = await Promise.all([refreshAccounts(), getJson('/api/metrics/definitions'), getJson('/api/workspace')]);
    workspace = settings;
    definitions = Object.fromEntries(defs.map((d) => [d.key, d]));
  } catch (e) {
    $('period-title').textContent = 'Could not start';
    status(e.message, true);
    loaded(true);
    return;
  }
  picker = new AccountPicker((choice) => changeState(choice));
  $('range').addEventListener('change', () => changeState({ range: $('range').value }));
  $('compare').addEventListener('change', () => changeState({ compare: $('compare').value }));
  $('end').addEventListener('change', () => changeState({ end: $('end').value }));
  $('end-latest').addEventListener('click', () => changeState({ end: '' }));
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('popstate', () => (accounts.length ? load() : noDataYet()));
  window.addEventListener('resize', () => { clearTimeout(start.resizing); start.resizing = setTimeout(resizeCharts, 100); });
  $('logout').addEventListener('click', async () => {
    try { await post('/logout'); } catch { /* the redirect below is what matters */ }
    location.href = '/login.html';
  });
  setUpImport(async () => {
    await refreshAccounts();
    if (accounts.length) load(); else noDataYet();
  });
  if (accounts.length) load(); else noDataYet();
}

start();
