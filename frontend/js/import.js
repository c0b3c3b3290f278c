// Upload a file, follow the import's progress, read its report (rejected rows shown as text, never as HTML).
import { csrfToken, getJson } from './api.js';

const $ = (id) => document.getElementById(id);

function problemsTable(problems) {
  const table = document.createElement('table');
  table.className = 'problems';
  const head = table.createTHead().insertRow();
  for (const h of ['line', 'field', 'reason', 'row']) head.insertCell().textContent = h;
  const body = table.createTBody();
  for (const p of problems.slice(0, 200)) {
    const row = body.insertRow();
    row.insertCell().textContent = p.line;
    row.insertCell().textContent = p.field || '';
    row.insertCell().textContent = p.reason;
    const raw = row.insertCell();
    raw.className = 'raw';
    raw.textContent = p.raw || '';
  }
  return table;
}

function showReport(report) {
  const box = $('import-report');
  box.replaceChildren();
  const summary = document.createElement('p');
  summary.textContent = `${report.rowsRead} rows read: ${report.inserted} new, ${report.updated} seen before, `
    + `${report.rejected} rejected, ${report.unattributed} unattributed.`;
  box.append(summary);
  if (report.problems && report.problems.length) box.append(problemsTable(report.problems));
}

async function follow(id, onDone) {
  const report = await getJson(`/api/imports/${id}`);
  if (report.state === 'running') {
    const share = report.bytesTotal ? Math.round((100 * report.bytesRead) / report.bytesTotal) : 0;
    $('import-progress').value = share;
    $('import-state').textContent = `${report.phase || 'running'}: ${report.rowsRead.toLocaleString()} rows read`;
    setTimeout(() => follow(id, onDone), 500);
    return;
  }
  $('import-progress').value = 100;
  $('import-state').textContent = report.state === 'done' ? 'Done.' : `Failed: ${report.error}`;
  showReport(report);
  if (report.state === 'done') onDone();
}

function upload(onDone) {
  const file = $('import-file').files[0];
  if (!file) {
    $('import-state').textContent = 'Choose a file first.';
    return;
  }
  const format = $('import-format').value;
  const request = new XMLHttpRequest();
  request.open('POST', `/api/imports?async=true&format=${encodeURIComponent(format)}&name=${encodeURIComponent(file.name)}`);
  request.setRequestHeader('X-CSRF-Token', csrfToken());
  request.setRequestHeader('Content-Type', 'application/octet-stream');
  $('import-progress').hidden = false;
  $('import-report').replaceChildren();
  request.upload.onprogress = (e) => {
    if (e.lengthComputable) {
      $('import-progress').value = Math.round((100 * e.loaded) / e.total);
      $('import-state').textContent = `Uploading… ${Math.round((100 * e.loaded) / e.total)} %`;
    }
  };
  request.onload = () => {
    let body = {};
    try { body = JSON.parse(request.responseText); } catch { /* empty */ }
    if (request.status === 202) follow(body.id, onDone);
    else $('import-state').textContent = `Refused: ${body.error || request.statusText}`;
  };
  request.onerror = () => { $('import-state').textContent = 'The upload failed (network).'; };
  $('import-state').textContent = 'Uploading…';
  request.send(file);
}

export function setUpImport(onDone) {
  $('open-import').addEventListener('click', () => $('import-dialog').showModal());
  $('import-close').addEventListener('click', () => $('import-dialog').close());
  $('import-start').addEventListener('click', () => upload(onDone));
}
