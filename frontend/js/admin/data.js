// Data: the accounts with their messages, deleting one account's data, removing the demo brand in one action
// (DELETE /api/accounts/{network}/{handle}?confirm=…, DELETE /api/accounts/demo?confirm=demo). Both ask the
// person to type what is about to be deleted.
import { getJson, send } from '../api.js';
import * as format from '../format.js';
import { ask } from './ask.js';
import { button, row, when } from './table.js';

const $ = (id) => document.getElementById(id);

function deleted(result) {
  return `Deleted ${result.accounts.join(', ')}: ${format.integer(result.messages)} messages, `
    + `${format.integer(result.followerSnapshots)} follower snapshots.`;
}

export async function showData(report) {
  const [accounts, demo] = await Promise.all([getJson('/api/accounts'), getJson('/api/accounts/demo')]);
  $('demo-box').hidden = demo.length === 0;
  $('demo-accounts').textContent = demo.join(', ');
  const list = $('accounts-list');
  list.replaceChildren();
  for (const account of accounts) {
    const remove = button('Delete data…', 'link', () => ask({
      title: `Delete ${account.key}?`,
      text: `${format.integer(account.messages)} messages and the follower snapshots of ${account.key} will be deleted for good.`,
      label: `Type ${account.key} to confirm`, expect: account.key, ok: 'Delete',
      action: async () => report(deleted(await send('DELETE',
        `/api/accounts/${account.key.split('/').map(encodeURIComponent).join('/')}?confirm=${encodeURIComponent(account.key)}`))),
    }).then((done) => done && showData(report)));
    const tr = row([account.key, format.integer(account.messages), when(account.firstMessageAt), when(account.lastMessageAt), remove]);
    tr.dataset.account = account.key;
    list.append(tr);
  }
}

export function setUpData(report) {
  $('demo-delete').addEventListener('click', () => ask({
    title: 'Remove the demo brand?',
    text: `The demo accounts (${$('demo-accounts').textContent}) and all their messages and follower snapshots will be deleted.`,
    label: 'Type demo to confirm', expect: 'demo', ok: 'Remove the demo brand',
    action: async () => report(deleted(await send('DELETE', '/api/accounts/demo?confirm=demo'))),
  }).then((done) => done && showData(report)));
}
