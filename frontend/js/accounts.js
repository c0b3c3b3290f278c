// The account and network filter: a network select, and a drop-down list of accounts with check boxes
// and a search field (usable with a finger as well as a mouse). It reports the chosen keys; main.js keeps
// them in the URL.
import * as format from './format.js';

const $ = (id) => document.getElementById(id);

export class AccountPicker {
  /** onChange({accounts, network}) is called whenever the choice changes. */
  constructor(onChange) {
    this.onChange = onChange;
    this.accounts = [];
    this.chosen = new Set();
    this.network = '';
    $('accounts-button').addEventListener('click', (e) => { e.stopPropagation(); this.toggle(); });
    $('accounts-menu').addEventListener('click', (e) => e.stopPropagation());
    document.addEventListener('click', () => this.toggle(false));
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.toggle(false); });
    $('accounts-search').addEventListener('input', () => this.filterList());
    $('accounts-all').addEventListener('click', () => { this.chosen.clear(); this.changed(); });
    $('accounts-list').addEventListener('change', (e) => {
      if (e.target.checked) this.chosen.add(e.target.value);
      else this.chosen.delete(e.target.value);
      this.changed();
    });
    $('network').addEventListener('change', () => {
      this.network = $('network').value;
      // accounts of another network leave the choice
      for (const key of [...this.chosen]) if (this.network && !key.startsWith(`${this.network}/`)) this.chosen.delete(key);
      this.changed();
    });
  }

  /** The accounts from /api/accounts and the state read from the URL. */
  fill(accounts, state) {
    this.accounts = [...accounts].sort((a, b) => a.network.localeCompare(b.network)
      || a.handle.localeCompare(b.handle, 'en', { sensitivity: 'base' }));
    this.chosen = new Set(state.accounts);
    this.network = state.network;
    const networks = [...new Set(accounts.map((a) => a.network))].sort();
    $('network').replaceChildren(new Option('All networks', ''), ...networks.map((n) => new Option(n, n)));
    $('network').value = networks.includes(this.network) ? this.network : '';
    const list = $('accounts-list');
    list.replaceChildren();
    let network = null;
    for (const account of this.accounts) {
      if (account.network !== network) { // one heading per network
        network = account.network;
        const heading = document.createElement('li');
        heading.className = 'network';
        heading.dataset.network = network;
        heading.textContent = network;
        list.append(heading);
      }
      const item = document.createElement('li');
      item.dataset.key = account.key;
      item.dataset.network = account.network;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = account.key;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = account.key;
      const about = document.createElement('span');
      about.className = 'meta';
      about.textContent = `${format.count(account.messages)} messages`
        + (account.lastMessageAt ? ` · until ${format.day(account.lastMessageAt.slice(0, 10))}` : '');
      label.append(box, name, about);
      item.append(label);
      list.append(item);
    }
    this.render();
  }

  changed() {
    this.render();
    this.onChange({ accounts: [...this.chosen], network: this.network });
  }

  render() {
    for (const box of $('accounts-list').querySelectorAll('input')) box.checked = this.chosen.has(box.value);
    const keys = [...this.chosen];
    $('accounts-button').textContent = keys.length === 0
      ? (this.network ? `All ${this.network} accounts` : 'All accounts')
      : keys.length === 1 ? keys[0] : `${keys.length} accounts`;
    $('accounts-button').title = keys.join('\n');
    $('accounts-all').disabled = keys.length === 0;
    this.filterList();
  }

  filterList() {
    const text = $('accounts-search').value.trim().toLowerCase();
    for (const item of $('accounts-list').children) {
      const outside = this.network && item.dataset.network !== this.network;
      item.hidden = item.dataset.key ? outside || (text && !item.dataset.key.toLowerCase().includes(text)) : outside;
    }
  }

  toggle(open = $('accounts-menu').hidden) {
    $('accounts-menu').hidden = !open;
    $('accounts-button').setAttribute('aria-expanded', String(open));
    // a keyboard that pops up over the list on a tablet helps nobody: focus the search with a mouse only
    if (open && matchMedia('(pointer: fine)').matches) $('accounts-search').focus({ preventScroll: true });
  }
}
