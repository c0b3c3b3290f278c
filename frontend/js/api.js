// The one door to the server: JSON in, errors as messages, a signed-out user sent to the sign-in page.
let csrf = '';

async function handle(response) {
  if (response.status === 401) {
    location.href = '/login.html?error=expired&next=' + encodeURIComponent(location.pathname + location.search);
    throw new Error('signed out');
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    throw new Error(message);
  }
  return response.status === 204 ? null : response.json();
}

export async function getJson(path) {
  return handle(await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
}

/** Who is signed in; also keeps the CSRF token that state-changing requests must send. */
export async function me() {
  const who = await getJson('/api/me');
  csrf = who.csrfToken;
  return who;
}

export function csrfToken() {
  return csrf;
}

/** A state-changing request (POST, PUT, DELETE) with the session's CSRF token. */
export async function send(method, path, body) {
  return handle(await fetch(path, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
    body: body === undefined ? (method === 'DELETE' ? undefined : '') : JSON.stringify(body),
  }));
}

export async function post(path, body) {
  return send('POST', path, body);
}

/** A query string from the dashboard's filters. */
export function query({ grain, from, to, accounts }, extra = {}) {
  const params = new URLSearchParams({ grain, from, to, ...extra });
  if (accounts && accounts.length) params.set('accounts', accounts.join(','));
  return params.toString();
}
