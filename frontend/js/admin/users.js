// Users: list, add, change role, set a new password, remove (GET/POST /api/users, PUT …/role, …/password, DELETE).
import { getJson, send } from '../api.js';
import { ask } from './ask.js';
import { element, button, row, when } from './table.js';

const $ = (id) => document.getElementById(id);
const ROLES = ['viewer', 'analyst', 'admin'];
const path = (name) => `/api/users/${encodeURIComponent(name)}`;

function roleSelect(user, me, report) {
  const select = element('select');
  select.setAttribute('aria-label', `Role of ${user.username}`);
  for (const role of ROLES) select.append(new Option(role, role, false, role === user.role));
  select.disabled = user.username === me;
  if (select.disabled) select.title = 'Another admin can change your role.';
  select.addEventListener('change', async () => {
    try {
      await send('PUT', `${path(user.username)}/role`, { role: select.value });
      report(`${user.username} is now ${select.value}.`);
    } catch (e) {
      select.value = user.role;
      report(e.message, true);
    }
  });
  return select;
}

export async function showUsers(me, report) {
  const users = await getJson('/api/users');
  const list = $('users-list');
  list.replaceChildren();
  for (const user of users) {
    const actions = element('span');
    actions.append(
      button('Set password…', 'link', () => ask({
        title: `New password for ${user.username}`,
        text: 'They are signed out everywhere and sign in again with this password.',
        label: 'New password (12 characters or more)', type: 'password', ok: 'Set password',
        action: (password) => send('PUT', `${path(user.username)}/password`, { password }),
      }).then((done) => done && report(`New password set for ${user.username}.`))),
      button('Remove…', 'link', () => ask({
        title: `Remove ${user.username}?`,
        text: 'They can no longer sign in. Their API tokens are not affected.', ok: 'Remove user',
        action: () => send('DELETE', path(user.username)),
      }).then((done) => done && showUsers(me, report).then(() => report(`${user.username} removed.`)))),
    );
    if (user.username === me) actions.lastChild.disabled = true;
    const tr = row([user.username, roleSelect(user, me, report), when(user.createdAt), actions]);
    tr.dataset.user = user.username;
    list.append(tr);
  }
}

export function setUpUsers(me, report) {
  $('user-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = $('user-name').value.trim();
    try {
      await send('POST', '/api/users', { username, password: $('user-password').value, role: $('user-role').value });
      $('user-form').reset();
      await showUsers(me, report);
      report(`${username} added.`);
    } catch (error) {
      report(error.message, true);
    }
  });
}
