// The ⓘ beside every card and panel title: what the figures measure, in the server's own words
// (/api/metrics/definitions), and a link to the full definitions with their worked example. Shown on hover with a mouse, on tap or Enter elsewhere; Escape or a tap
// outside closes it. Everything is written as text.
/** The full definitions (docs/metric-definitions.md, served with the dashboard). */
const DOCS = '/docs.html?doc=metric-definitions';
let box = null;
let owner = null;
let pinned = false;

function popover() {
  if (!box) {
    box = document.createElement('div');
    box.id = 'definition';
    box.className = 'definition';
    box.setAttribute('role', 'tooltip');
    box.hidden = true;
    document.body.append(box);
    document.addEventListener('click', (e) => { if (!box.contains(e.target)) hide(); });
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
    window.addEventListener('scroll', () => { if (!pinned) hide(); }, { passive: true });
  }
  return box;
}

function hide() {
  if (!box || box.hidden) return;
  box.hidden = true;
  owner?.setAttribute('aria-expanded', 'false');
  owner = null;
  pinned = false;
}

function show(button, entries, pin) {
  const el = popover();
  el.replaceChildren();
  for (const entry of entries) {
    const title = document.createElement('strong');
    title.textContent = entry.label;
    const text = document.createElement('p');
    text.textContent = entry.definition;
    el.append(title, text);
  }
  const more = document.createElement('a');
  more.href = DOCS;
  more.target = '_blank';
  more.className = 'more';
  more.textContent = 'All definitions, with a worked example';
  el.append(more);
  el.hidden = false;
  owner?.setAttribute('aria-expanded', 'false');
  owner = button;
  pinned = pin;
  button.setAttribute('aria-expanded', 'true');
  const at = button.getBoundingClientRect();
  const width = Math.min(340, window.innerWidth - 16);
  el.style.width = `${width}px`;
  el.style.left = `${Math.max(8, Math.min(at.right - width, window.innerWidth - width - 8)) + window.scrollX}px`;
  el.style.top = `${at.bottom + 6 + window.scrollY}px`;
}

/**
 * A button that shows entries [{label, definition}]; `name` is what it explains (for screen readers).
 */
export function infoButton(name, entries) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'info';
  button.textContent = 'i';
  button.setAttribute('aria-label', `What "${name}" measures`);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('pointerenter', (e) => { if (e.pointerType === 'mouse' && !pinned) show(button, entries, false); });
  button.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse' && !pinned) hide(); });
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (owner === button && pinned) hide();
    else show(button, entries, true);
  });
  return button;
}

/** The definitions of some metric keys, as entries for infoButton. */
export function entriesFor(keys, definitions) {
  return keys.filter((k) => definitions[k]).map((k) => ({ label: definitions[k].label, definition: definitions[k].definition }));
}
