// Import from the browser: suggest the format from the file's header, upload the file (XMLHttpRequest, so the
// upload's progress shows), follow the server's work (GET /api/imports/{id} every 500 ms), then read the
// report. Rejected rows, which hold whatever the file held, are written as text, never as HTML.
// The formats and their columns are docs/import-formats.md's (the server's ImportFormat decides).
import { csrfToken, getJson } from './api.js';
import * as format from './format.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 500;
const SHOWN_PROBLEMS = 200;
let busy = false;
let formatChosen = false; // the person picked a format themselves: then a different header is only suggested
let refreshRecent = () => {};

/** Each format and what its header holds (the columns that tell it apart), in the order they are tried. */
const FORMATS = [
  { key: 'twcs', columns: ['tweet_id', 'inbound', 'in_response_to_tweet_id'] },
  { key: 'messages', columns: ['message_id', 'from_brand', 'kind', 'created_at'] },
  { key: 'followers', columns: ['account', 'day', 'followers'] },
  { key: 'surveys', columns: ['author_id', 'day', 'score'] },
];

/** The format a file's first line looks like, or null: one JSON object is NDJSON, else a CSV header's columns. */
export function detectFormat(firstLine) {
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (line.startsWith('{')) return 'messages-ndjson';
  const columns = line.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return FORMATS.find((f) => f.columns.every((c) => columns.includes(c)))?.key ?? null;
}

function formatLabel(key) {
  return [...$('import-format').options].find((o) => o.value === key)?.textContent ?? key;
}

/** Reads the chosen file's first line; sets the format it shows (or offers it, when one was picked by hand). */
async function suggestFormat() {
  const hint = $('import-hint');
  hint.replaceChildren();
  const file = $('import-file').files[0];
  if (!file) return;
  const head = await file.slice(0, 64 * 1024).text();
  const detected = detectFormat(head.split(/\r?\n/, 1)[0]);
  if (!detected) {
    hint.textContent = 'The first line of this file is not a header of any format Rapport reads: see docs/import-formats.md.';
    return;
  }
  if (detected === $('import-format').value) {
    hint.textContent = `The header matches ${formatLabel(detected)}.`;
  } else if (!formatChosen) {
    $('import-format').value = detected;
    hint.textContent = `Format set to ${formatLabel(detected)} from the file's header.`;
  } else {
    hint.append(`This file's header looks like ${formatLabel(detected)}, not ${formatLabel($('import-format').value)}. `);
    const use = element('button', 'link', `Use ${formatLabel(detected)}`);
    use.type = 'button';
    use.id = 'import-use-detected';
    use.addEventListener('click', () => {
      $('import-format').value = detected;
      hint.textContent = `The header matches ${formatLabel(detected)}.`;
    });
    hint.append(use);
  }
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function progress(percent, text) {
  $('import-progress-box').hidden = false;
  if (percent === null) $('import-progress').removeAttribute('value');
  else $('import-progress').value = percent;
  $('import-state').textContent = text;
}

function problemsTable(problems) {
  const table = element('table', 'problems');
  const head = table.createTHead().insertRow();
  for (const h of ['Line', 'Field', 'Reason', 'Row as read']) head.append(element('th', '', h));
  const body = table.createTBody();
  for (const p of problems.slice(0, SHOWN_PROBLEMS)) {
    const row = body.insertRow();
    row.insertCell().textContent = p.line;
    row.insertCell().textContent = p.field || '';
    row.insertCell().textContent = p.unattributed ? `${p.reason} (unattributed)` : p.reason;
    const raw = row.insertCell();
    raw.className = 'raw';
    raw.textContent = p.raw || '';
  }
  return table;
}

function showReport(report) {
  const box = $('import-report');
  box.replaceChildren();
  const facts = [
    ['rows read', report.rowsRead], ['new', report.inserted], ['updated', report.updated],
    ['unchanged', report.unchanged], ['rejected', report.rejected], ['unattributed', report.unattributed],
  ];
  const list = element('dl', 'facts');
  for (const [name, v] of facts) {
    const item = element('div', name === 'rejected' && v > 0 ? 'bad' : '');
    item.append(element('dt', '', name), element('dd', '', format.integer(v)));
    list.append(item);
  }
  box.append(list);
  const problems = report.problems || [];
  if (problems.length) {
    const shown = Math.min(problems.length, SHOWN_PROBLEMS);
    const total = report.rejected + report.unattributed;
    const caption = element('p', 'muted', `Rows kept out of the data${total > shown ? ` (the first ${shown} of ${format.integer(total)}; `
      + 'the full list is at ' : ''}`);
    if (total > shown) {
      const link = element('a', '', `/api/imports/${report.id}/problems`);
      link.href = `/api/imports/${report.id}/problems`;
      link.target = '_blank';
      caption.append(link, ')');
    }
    caption.append(':');
    box.append(caption, problemsTable(problems));
  }
}

async function follow(id, onDone) {
  let report;
  try {
    report = await getJson(`/api/imports/${id}`);
  } catch (e) {
    progress(0, `Could not follow the import: ${e.message}`);
    busy = false;
    $('import-start').disabled = false;
    return;
  }
  if (report.state === 'running') {
    const share = report.bytesTotal ? Math.round((100 * report.bytesRead) / report.bytesTotal) : null;
    const read = report.bytesTotal ? ` (${format.bytes(report.bytesRead)} of ${format.bytes(report.bytesTotal)})` : '';
    const phase = report.phase ? report.phase[0].toUpperCase() + report.phase.slice(1) : 'Importing';
    progress(share, `${phase}: ${format.integer(report.rowsRead)} rows read${read}`);
    setTimeout(() => follow(id, onDone), POLL_MS);
    return;
  }
  busy = false;
  $('import-start').disabled = false;
  const keptOut = report.rejected + report.unattributed;
  const imported = report.state === 'done' && keptOut < report.rowsRead;
  progress(100, outcome(report, keptOut));
  $('import-progress-box').classList.toggle('failed', !imported);
  $('import-progress-box').classList.toggle('partial', imported && keptOut > 0);
  showReport(report);
  refreshRecent();
  if (imported) onDone();
}

/** What happened, in one sentence that does not call a file with rejected rows simply "imported". */
function outcome(report, keptOut) {
  const name = report.fileName || 'the file';
  if (report.state !== 'done') return `The import failed: ${report.error || 'no reason given'}`;
  if (report.rowsRead === 0) return `Nothing imported: ${name} holds no rows.`;
  if (keptOut === report.rowsRead) return `Nothing imported: all ${format.integer(report.rowsRead)} rows of ${name} were kept out (see below).`;
  const changed = report.unchanged === report.rowsRead - keptOut ? ' It changed nothing: every row was already there.' : '';
  if (keptOut > 0) {
    return `Imported ${format.integer(report.rowsRead - keptOut)} of ${format.integer(report.rowsRead)} rows of ${name}; `
      + `${format.integer(keptOut)} ${keptOut === 1 ? 'was' : 'were'} kept out (see below).${changed} The dashboard is reloading.`;
  }
  return `Done: all ${format.integer(report.rowsRead)} rows of ${name} are imported.${changed} The dashboard is reloading.`;
}

function upload(onDone) {
  const file = $('import-file').files[0];
  if (!file) {
    progress(0, 'Choose a file first.');
    return;
  }
  busy = true;
  $('import-start').disabled = true;
  $('import-report').replaceChildren();
  $('import-progress-box').classList.remove('failed');
  const request = new XMLHttpRequest();
  request.open('POST', `/api/imports?async=true&format=${encodeURIComponent($('import-format').value)}`
    + `&name=${encodeURIComponent(file.name)}`);
  request.setRequestHeader('X-CSRF-Token', csrfToken());
  request.setRequestHeader('Content-Type', 'application/octet-stream');
  request.setRequestHeader('Accept', 'application/json');
  request.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) {
      progress(Math.round((100 * e.loaded) / e.total), `Uploading ${file.name}: ${format.bytes(e.loaded)} of ${format.bytes(e.total)}`);
    }
  });
  request.addEventListener('load', () => {
    let body = {};
    try { body = JSON.parse(request.responseText); } catch { /* not JSON */ }
    if (request.status === 202 || request.status === 200) {
      progress(null, 'Uploaded; the server is reading the file…');
      follow(body.id, onDone);
    } else {
      busy = false;
      $('import-start').disabled = false;
      $('import-progress-box').classList.add('failed');
      progress(0, `The server refused the file: ${body.error || `${request.status} ${request.statusText}`}`);
      refreshRecent();
    }
  });
  request.addEventListener('error', () => {
    busy = false;
    $('import-start').disabled = false;
    progress(0, 'The upload failed: the server could not be reached.');
  });
  progress(0, `Uploading ${file.name}…`);
  request.send(file);
}

async function showRecent(onPick) {
  const list = $('import-recent-list');
  list.replaceChildren();
  try {
    for (const r of await getJson('/api/imports?limit=8')) {
      const item = element('li');
      const open = element('button', 'link', `${r.fileName || r.format} · ${r.state}`);
      open.type = 'button';
      open.addEventListener('click', () => onPick(r.id));
      item.append(open, element('span', 'muted',
        ` ${format.integer(r.rowsRead)} rows, ${format.integer(r.rejected)} rejected · ${r.startedAt ? r.startedAt.slice(0, 16).replace('T', ' ') : ''}`));
      list.append(item);
    }
  } catch (e) {
    list.append(element('li', 'muted', `Could not list the imports: ${e.message}`));
  }
}

/** onDone() runs after each successful import (the dashboard reloads its data). */
export function setUpImport(onDone) {
  refreshRecent = () => showRecent(async (id) => {
    try { showReport(await getJson(`/api/imports/${id}`)); } catch (e) { progress(0, e.message); }
  });
  $('import-format').addEventListener('change', () => { formatChosen = true; suggestFormat(); });
  $('import-file').addEventListener('change', () => suggestFormat());
  $('open-import').addEventListener('click', () => {
    if (!busy) {
      $('import-report').replaceChildren();
      $('import-progress-box').hidden = true;
    }
    $('import-dialog').showModal();
    refreshRecent();
  });
  $('import-close').addEventListener('click', () => $('import-dialog').close());
  $('import-start').addEventListener('click', () => upload(onDone));
}
