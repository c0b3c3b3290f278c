// The admin page: users, API tokens and data, for admins. Others are told so; nothing is shown to them.
import { me, post } from '../api.js';
import { setUpAsk } from './ask.js';
import { showUsers, setUpUsers } from './users.js';
import { showTokens, setUpTokens } from './tokens.js';
import { showData, setUpData } from './data.js';

const $ = (id) => document.getElementById(id);

function report(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

async function start() {
  $('logout').addEventListener('click', async () => {
    try { await post('/logout'); } catch { /* the redirect below is what matters */ }
    location.href = '/login.html';
  });
  try {
    const who = await me();
    $('who').textContent = who.username;
    if (who.role !== 'admin') {
      document.querySelectorAll('.admin-section').forEach((s) => { s.hidden = true; });
      report(`Only admins manage users, tokens and data; you are signed in as ${who.username} (${who.role}).`, true);
      return;
    }
    setUpAsk();
    setUpUsers(who.username, report);
    setUpTokens(report);
    setUpData(report);
    await Promise.all([showUsers(who.username, report), showTokens(report), showData(report)]);
  } catch (e) {
    report(`Could not load the admin page: ${e.message}`, true);
  } finally {
    document.body.dataset.loaded = 'true';
  }
}

start();
