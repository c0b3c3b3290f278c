// Admins manage the monthly e-mail: send day, recipients (each with the accounts they see), send now,
// preview, and the send log (failed sends show their error until a later run sends them).
import { getJson, me, post, csrfToken } from '../api.js';
import * as format from '../format.js';

const $ = (id) => document.getElementById(id);
const BASE = '/api/summary/delivery';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

function status(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

/** PUT and DELETE with the session's CSRF token (api.js covers GET and POST). */
async function send(method, path, body) {
  const response = await fetch(path, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken(), Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    throw new Error(message);
  }
  return response.status === 204 ? null : response.json();
}

function row(cells, header = false) {
  const tr = element('tr');
  cells.forEach((c, i) => {
    const cell = element(header ? 'th' : 'td', i === 0 ? 'first' : null, typeof c === 'string' ? c : null);
    if (c instanceof Node) cell.append(c);
    tr.append(cell);
  });
  return tr;
}

function when(instant) {
  return instant ? `${format.day(instant.slice(0, 10))} ${instant.slice(11, 16)}` : '';
}

function render(overview) {
  $('smtp').textContent = overview.smtpConfigured
    ? `SMTP is set: the finished month goes out on day ${overview.sendDay} of each month (${overview.timeZone}).`
    : 'No SMTP server is set (RAPPORT_SMTP_HOST), so nothing is sent; preview still works.';
  $('send-now').disabled = !overview.smtpConfigured;
  $('send-day').value = overview.sendDay;
  $('day-hint').textContent = `From this day on (${overview.timeZone}), every recipient gets the month before, once.`;
  $('recipients').replaceChildren(row(['E-mail', 'Accounts', 'Added', ''], true), ...overview.recipients.map((r) => {
    const remove = element('button', 'link', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', () => act(() => send('DELETE', `${BASE}/recipients/${r.id}`), `Removed ${r.email}.`));
    const tr = row([r.email, r.accounts || 'All accounts', when(r.createdAt), remove]);
    tr.dataset.email = r.email;
    return tr;
  }));
  if (!overview.recipients.length) $('recipients').append(row(['No recipients yet.', '', '', '']));
  $('sends').replaceChildren(row(['Month', 'E-mail', 'Accounts', 'State', 'Attempts', 'Sent', 'Error'], true), ...overview.sends.map((s) => {
    const state = element('span', `state ${s.state}`, s.state);
    const tr = row([s.month, s.email, s.accounts || 'All accounts', state, String(s.attempts), when(s.sentAt), s.error || '']);
    tr.dataset.state = s.state;
    return tr;
  }));
  if (!overview.sends.length) $('sends').append(row(['Nothing sent yet.', '', '', '', '', '', '']));
}

async function refresh() {
  render(await getJson(BASE));
}

/** Runs an action, says how it went, shows the new state; true when it worked. */
async function act(action, done) {
  try {
    await action();
    if (done) status(done);
    await refresh();
    return true;
  } catch (error) {
    status(error.message, true);
    return false;
  }
}

async function start() {
  const who = await me();
  if (who.role !== 'admin') {
    status('Only admins manage the monthly e-mail.', true);
    document.body.dataset.loaded = 'true';
    return;
  }
  const accounts = await getJson('/api/accounts');
  accounts.forEach((a) => $('recipient-accounts').append(new Option(a.key, a.key)));
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  $('now-month').value = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;

  $('day-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(() => send('PUT', `${BASE}/send-day`, { sendDay: Number($('send-day').value) }), 'Send day saved.');
  });
  $('recipient-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const email = $('recipient-email').value.trim();
    act(() => post(`${BASE}/recipients`, { email, accounts: $('recipient-accounts').value }), `Added ${email}.`)
      .then((ok) => { if (ok) $('recipient-email').value = ''; });
  });
  $('now-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(async () => {
      const run = await post(`${BASE}/send-now?month=${encodeURIComponent($('now-month').value)}`);
      status(`${run.month}: ${run.sent} sent, ${run.skipped} had it already, ${run.failed} failed.`);
    }, '');
  });
  $('preview').addEventListener('click', async () => {
    const q = new URLSearchParams({ month: $('now-month').value, accounts: $('recipient-accounts').value });
    try {
      const response = await fetch(`${BASE}/preview?${q}`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error((await response.json()).error || response.statusText);
      $('preview-frame').srcdoc = await response.text();
      $('preview-dialog').showModal();
    } catch (error) {
      status(error.message, true);
    }
  });
  try {
    await refresh();
  } catch (error) {
    status(error.message, true);
  }
  document.body.dataset.loaded = 'true';
}

start();
