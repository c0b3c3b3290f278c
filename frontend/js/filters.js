// The filters live in the URL, so a view can be shared by its address:
//   ?accounts=x/Acme,instagram/acme  (none: all accounts, or all of the network)
//   &network=x  &range=week:12|week:26|week:52|month:6|month:12|month:24
//   &compare=previous|year  &end=YYYY-MM-DD (the last period shown; none: the latest with data)
// This module only reads and writes that state and turns it into the dates the server is asked about. Periods
// start in the workspace time zone (/api/workspace), as the server's do.
const DAY = 86_400_000;
export const RANGES = ['week:12', 'week:26', 'week:52', 'month:6', 'month:12', 'month:24'];
const COMPARES = ['previous', 'year'];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const RANGE_NAMES = { 'week:12': '12 weeks', 'week:26': '26 weeks', 'week:52': '52 weeks', 'month:6': '6 months',
  'month:12': '12 months', 'month:24': '24 months' };

/**
 * The filters in an address. A value the dashboard does not offer is not silently replaced: `notice` says
 * what was asked, why it is not shown and what is shown instead.
 */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const range = params.get('range');
  const compare = params.get('compare');
  const end = params.get('end');
  const notices = [];
  if (range !== null && !RANGES.includes(range)) {
    notices.push(`range=${range} is not a period the dashboard shows (${RANGES.join(', ')}): showing ${RANGE_NAMES[RANGES[0]]}`);
  }
  if (compare !== null && !COMPARES.includes(compare)) {
    notices.push(`compare=${compare} is not one of ${COMPARES.join(', ')}: comparing with the period before`);
  }
  if (end && !ISO_DAY.test(end)) notices.push(`end=${end} is not a date (YYYY-MM-DD): showing the latest period`);
  return {
    accounts: (params.get('accounts') || '').split(',').map((a) => a.trim()).filter(Boolean),
    network: params.get('network') || '',
    range: RANGES.includes(range) ? range : RANGES[0],
    compare: COMPARES.includes(compare) ? compare : COMPARES[0],
    end: end && ISO_DAY.test(end) ? end : '',
    notice: notices.join('; '),
  };
}

/** The query string for a state; "/", "," and ":" stay readable in shared links. */
export function search(state) {
  const parts = [];
  const readable = (value) => encodeURIComponent(value).replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%3A', ':');
  const add = (key, value) => parts.push(`${key}=${readable(value)}`);
  if (state.accounts.length) add('accounts', state.accounts.join(','));
  if (state.network) add('network', state.network);
  add('range', state.range);
  add('compare', state.compare);
  if (state.end) add('end', state.end);
  return `?${parts.join('&')}`;
}

/** Records a new state in the browser's history (Back returns to the previous view). */
export function writeState(state) {
  const next = search(state);
  if (next !== location.search) history.pushState(null, '', `${location.pathname}${next}`);
}

/** The account keys the server is asked about: those chosen, else all of the network, else [] (all). */
export function scopeKeys(state, accounts) {
  if (state.accounts.length) return state.accounts;
  if (state.network) return accounts.filter((a) => a.network === state.network).map((a) => a.key);
  return [];
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** The calendar day of an instant in a time zone, as a Date at 00:00 UTC of that day (date arithmetic only). */
export function dayIn(instant, zone) {
  const text = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return new Date(`${text}T00:00:00Z`);
}

function periodStart(date, grain) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (grain === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
}

function shift(date, grain, count) {
  return grain === 'month'
    ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1))
    : new Date(date.getTime() + count * 7 * DAY);
}

/**
 * The periods to ask for. The last one is `end` when given; otherwise the last complete period, or, when
 * the chosen accounts' data stops earlier, the period of their last message (so old data, such as the
 * 2017 twcs slice, opens on its own weeks). `compareStart` is the one period the headline cards compare
 * with: the period before, or the same period a year earlier. Days are those of `zone`, the workspace time zone.
 */
export function ranges(state, accounts, today = new Date(), zone = 'UTC') {
  const [grain, countText] = state.range.split(':');
  const count = Number(countText);
  const keys = scopeKeys(state, accounts);
  const chosen = keys.length ? accounts.filter((a) => keys.includes(a.key)) : accounts;
  let anchor;
  if (state.end) {
    anchor = periodStart(new Date(`${state.end}T00:00:00Z`), grain);
  } else {
    const lastData = chosen.map((a) => a.lastMessageAt).filter(Boolean).map((t) => dayIn(new Date(t), zone)).sort((a, b) => b - a)[0];
    const lastComplete = shift(periodStart(dayIn(today, zone), grain), grain, -1);
    anchor = lastData && periodStart(lastData, grain) < lastComplete ? periodStart(lastData, grain) : lastComplete;
  }
  const back = state.compare === 'year' ? (grain === 'month' ? -12 : -52) : -1;
  return {
    grain,
    from: iso(shift(anchor, grain, -(count - 1))),
    to: iso(anchor),
    accounts: keys,
    compareStart: iso(shift(anchor, grain, back)),
  };
}

/** How the scope reads in a sentence. */
export function scopeText(state, accounts) {
  if (state.accounts.length === 1) return state.accounts[0];
  if (state.accounts.length > 1) {
    return state.accounts.length <= 3 ? state.accounts.join(', ') : `${state.accounts.length} accounts`;
  }
  if (state.network) {
    const n = accounts.filter((a) => a.network === state.network).length;
    return `all ${n} ${state.network} account${n === 1 ? '' : 's'}`;
  }
  return `all ${accounts.length} account${accounts.length === 1 ? '' : 's'}`;
}
