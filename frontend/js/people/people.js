// The people table: filters, preset, sort and page live in the URL (a page is a history entry, so Back goes
// to the previous page); the server filters, sorts and pages. Every text from the data is set as text.
import { getJson, me } from '../api.js';
import { COLUMNS } from './columns.js';

const $ = (id) => document.getElementById(id);
const FILTERS = ['accounts', 'network', 'tier', 'activeSince', 'q'];
let generation = 0;

function params() {
  return new URLSearchParams(location.search);
}

function go(changes, { push = false } = {}) {
  const p = params();
  Object.entries(changes).forEach(([k, v]) => (v ? p.set(k, v) : p.delete(k)));
  if (!('after' in changes)) p.delete('after'); // new filters or sort start at the first page
  history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}?${p}`);
  load();
}

function header(sort, dir) {
  $('head').replaceChildren(...COLUMNS.map((c) => {
    const th = document.createElement('th');
    th.scope = 'col';
    if (c.numeric) th.className = 'num';
    th.setAttribute('aria-sort', c.key === sort ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.sort = c.key;
    b.textContent = c.label + (c.key === sort ? (dir === 'asc' ? ' ▲' : ' ▼') : '');
    b.addEventListener('click', () => go({ sort: c.key, dir: c.key === sort && dir === 'desc' ? 'asc' : 'desc' }));
    th.append(b);
    return th;
  }));
}

function profileLink(row) {
  const p = new URLSearchParams({ network: row.network, author_id: row.author_id });
  const scope = params().get('accounts');
  if (scope) p.set('accounts', scope);
  const a = document.createElement('a');
  a.href = `/person.html?${p}`;
  a.textContent = row.handle;
  return a;
}

function rows(list) {
  $('rows').replaceChildren(...list.map((row) => {
    const tr = document.createElement('tr');
    for (const c of COLUMNS) {
      const td = document.createElement('td');
      if (c.numeric) td.className = 'num';
      if (c.key === 'handle') td.append(profileLink(row));
      else td.textContent = c.text(row[c.key]);
      tr.append(td);
    }
    return tr;
  }));
}

async function load() {
  const mine = ++generation;
  document.body.dataset.loaded = 'false';
  const p = params();
  FILTERS.forEach((k) => { $(k).value = p.get(k) || ''; });
  document.querySelectorAll('#presets button').forEach((b) => b.setAttribute('aria-pressed', String((p.get('preset') || '') === b.dataset.preset)));
  const exported = new URLSearchParams(p);
  exported.delete('after');
  exported.delete('limit');
  $('export-csv').href = `/api/people.csv?${exported}`;
  $('export-ndjson').href = `/api/people.ndjson?${exported}`;
  try {
    const page = await getJson(`/api/people?${p}`);
    if (mine !== generation) return;
    header(page.sort, page.dir);
    rows(page.rows);
    $('next').disabled = !page.next;
    $('next').dataset.after = page.next || '';
    $('first').disabled = !p.get('after');
    $('as-of').textContent = page.asOf
      ? `Tiers and active weeks at ${page.asOf.slice(0, 10)} (the end of the latest week with data), over the 90 days before.`
      : 'No people yet: import messages first.';
    $('status').textContent = page.rows.length ? '' : 'No one matches these filters.';
  } catch (e) {
    if (mine !== generation) return;
    $('status').textContent = `Could not load the people: ${e.message}`;
    $('status').classList.add('error');
  }
  document.body.dataset.loaded = 'true';
}

async function start() {
  await me();
  const accounts = await getJson('/api/accounts');
  for (const a of accounts) $('accounts').append(new Option(a.key, a.key));
  for (const n of [...new Set(accounts.map((a) => a.network))]) $('network').append(new Option(n, n));
  FILTERS.forEach((k) => $(k).addEventListener('change', () => go({ [k]: $(k).value })));
  document.querySelectorAll('#presets button').forEach((b) => b.addEventListener('click', () => go({ preset: b.dataset.preset, sort: '', dir: '' })));
  $('next').addEventListener('click', () => go({ after: $('next').dataset.after }, { push: true }));
  $('first').addEventListener('click', () => go({ after: '' }, { push: true }));
  window.addEventListener('popstate', load);
  await load();
}

start();
