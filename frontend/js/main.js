// Wires the page: who is signed in, the filters (kept in the URL), the data, the panels, the import dialog.
import { getJson, me, post, query } from './api.js';
import { readState, writeState, ranges } from './filters.js';
import { renderCards } from './cards.js';
import { renderPanels, fillPanels } from './dashboard.js';
import { setUpImport } from './import.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['tiers', 'cohorts', 'response-times', 'nps-by-tier'];
let accounts = [];
let definitions = {};

function status(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

function fillFilters(state) {
  const select = $('accounts');
  select.replaceChildren();
  // one group per network: choosing a network's accounts filters by network
  for (const network of [...new Set(accounts.map((a) => a.network))]) {
    const group = document.createElement('optgroup');
    group.label = network;
    for (const account of accounts.filter((a) => a.network === network)) {
      const option = new Option(`${account.key} (${account.messages.toLocaleString()} messages)`, account.key);
      option.selected = state.accounts.includes(account.key);
      group.append(option);
    }
    select.append(group);
  }
  select.title = 'Ctrl/⌘-click to choose several; none chosen means all accounts';
  $('range').value = state.range;
  $('compare').value = state.compare;
}

function stateFromFilters() {
  return {
    accounts: [...$('accounts').selectedOptions].map((o) => o.value),
    range: $('range').value,
    compare: $('compare').value,
  };
}

async function load() {
  const state = readState();
  const { current, lastYear } = ranges(state, accounts);
  $('export').href = `/api/export/metrics.csv?${query(current)}`;
  renderPanels($('panels'), definitions);
  status('Loading…');
  document.body.dataset.loaded = 'false';
  try {
    const [report, comparison] = await Promise.all([
      getJson(`/api/metrics?${query(current)}`),
      state.compare === 'year' ? getJson(`/api/metrics?${query(lastYear)}`) : Promise.resolve(null),
    ]);
    const compareLabel = state.compare === 'year' ? 'a year earlier' : `the ${current.grain} before`;
    renderCards($('cards'), report, comparison, compareLabel);
    const views = {};
    const failures = {};
    await Promise.all(VIEWS.map(async (view) => {
      try { views[view] = await getJson(`/api/${view}?${query(current)}`); } catch (e) { failures[view] = e.message; }
    }));
    fillPanels($('panels'), report, views, failures);
    const scope = report.scope === 'all' ? 'all accounts' : report.scope.replaceAll('+', ', ');
    status(`${scope} · ${report.grain}s starting ${report.from} to ${report.to} · time zone ${report.timeZone}`);
  } catch (e) {
    status(`Could not load the dashboard: ${e.message}`, true);
  }
  document.body.dataset.loaded = 'true';
}

async function start() {
  try {
    const who = await me();
    $('who').textContent = `${who.username} (${who.role})`;
    $('open-import').hidden = who.role !== 'admin';
    $('export').hidden = who.role === 'viewer';
    const [list, defs] = await Promise.all([getJson('/api/accounts'), getJson('/api/metrics/definitions')]);
    accounts = list;
    definitions = Object.fromEntries(defs.map((d) => [d.key, d]));
  } catch (e) {
    status(`Could not start: ${e.message}`, true);
    return;
  }
  fillFilters(readState());
  $('filters').addEventListener('change', () => { writeState(stateFromFilters()); load(); });
  $('logout').addEventListener('click', async () => {
    try { await post('/logout'); } catch { /* the redirect below is what matters */ }
    location.href = '/login.html';
  });
  window.addEventListener('resize', () => document.querySelectorAll('.chart, .spark').forEach((el) => echarts.getInstanceByDom(el)?.resize()));
  setUpImport(async () => {
    accounts = await getJson('/api/accounts');
    fillFilters(readState());
    load();
  });
  if (!accounts.length) {
    status('No data yet: import a file to begin (Import…).');
    document.body.dataset.loaded = 'true';
    return;
  }
  load();
}

start();
