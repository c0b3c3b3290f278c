// Small helpers to build the admin tables as DOM nodes (every value is written as text, never as HTML).
export function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

export function button(text, className, onClick) {
  const b = element('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A row of cells: strings become text cells, nodes are put in a cell as they are. */
export function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    if (cell instanceof Node) td.append(cell); else td.textContent = cell ?? '';
    tr.append(td);
  }
  return tr;
}

/** "2026-11-23 09:41" from an ISO instant; empty when there is none. */
export function when(instant) {
  return instant ? instant.slice(0, 16).replace('T', ' ') : '';
}
