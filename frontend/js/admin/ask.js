// One confirmation dialog for the admin page: a question, optionally a field to fill (a new password, or the
// name of what is about to be deleted, typed again), OK and Cancel. The action runs inside it, so that its
// error is shown where the person is looking, and the dialog closes only when the action succeeded.
const $ = (id) => document.getElementById(id);
let current = null;

/**
 * ask({title, text, label, type, expect, ok, action}): shows the dialog; `expect` is the exact text the field
 * must hold before OK does anything; `action(value)` runs on OK (a promise). Resolves true when it ran.
 */
export function ask({ title, text, label = '', type = 'text', expect = null, ok = 'OK', action }) {
  $('ask-title').textContent = title;
  $('ask-text').textContent = text;
  $('ask-field').hidden = !label;
  $('ask-label').textContent = label;
  $('ask-input').type = type;
  $('ask-input').value = '';
  $('ask-error').textContent = '';
  $('ask-ok').textContent = ok;
  $('ask-ok').disabled = expect !== null;
  $('ask').showModal();
  if (label) $('ask-input').focus();
  return new Promise((resolve) => { current = { expect, action, resolve }; });
}

function close(result) {
  $('ask').close();
  current?.resolve(result);
  current = null;
}

export function setUpAsk() {
  $('ask-input').addEventListener('input', () => {
    if (current?.expect !== null && current) $('ask-ok').disabled = $('ask-input').value.trim() !== current.expect;
  });
  $('ask-cancel').addEventListener('click', () => close(false));
  $('ask').addEventListener('cancel', () => { current?.resolve(false); current = null; });
  $('ask-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!current || $('ask-ok').disabled) return;
    $('ask-ok').disabled = true;
    try {
      await current.action($('ask-input').value);
      close(true);
    } catch (error) {
      $('ask-error').textContent = error.message;
      $('ask-ok').disabled = false;
    }
  });
}
