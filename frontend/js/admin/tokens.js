// API tokens: create (the secret is shown once), list, revoke (GET/POST /api/tokens, DELETE /api/tokens/{id}).
import { getJson, send } from '../api.js';
import { ask } from './ask.js';
import { button, row, when } from './table.js';

const $ = (id) => document.getElementById(id);

export async function showTokens(report) {
  const tokens = await getJson('/api/tokens');
  const list = $('tokens-list');
  list.replaceChildren();
  for (const token of tokens.slice().reverse()) {
    const revoke = token.revokedAt ? '' : button('Revoke…', 'link', () => ask({
      title: `Revoke "${token.name}"?`,
      text: 'Programs using it are refused from the next request on.', ok: 'Revoke',
      action: () => send('DELETE', `/api/tokens/${token.id}`),
    }).then((done) => done && showTokens(report).then(() => report(`Token "${token.name}" revoked.`))));
    const tr = row([token.name, token.role, when(token.createdAt), token.createdBy,
      token.revokedAt ? `revoked ${when(token.revokedAt)}` : 'active', revoke]);
    tr.dataset.token = String(token.id);
    if (token.revokedAt) tr.className = 'revoked';
    list.append(tr);
  }
}

export function setUpTokens(report) {
  $('token-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const created = await send('POST', '/api/tokens', { name: $('token-name').value.trim(), role: $('token-role').value });
      $('token-secret').textContent = created.token;
      $('token-created').hidden = false;
      $('token-form').reset();
      await showTokens(report);
      report(`Token "${created.name}" (${created.role}) created.`);
    } catch (error) {
      report(error.message, true);
    }
  });
  $('token-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('token-secret').textContent);
      report('Token copied.');
    } catch {
      report('Select the token and copy it by hand.', true);
    }
  });
}
