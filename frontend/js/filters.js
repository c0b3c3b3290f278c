// The filters live in the URL, so a view can be shared by its address.
const DAY = 86_400_000;

export function readState() {
  const params = new URLSearchParams(location.search);
  return {
    accounts: (params.get('accounts') || '').split(',').filter(Boolean),
    range: params.get('range') || 'week:12',
    compare: params.get('compare') || 'previous',
  };
}

export function writeState(state) {
  const params = new URLSearchParams();
  if (state.accounts.length) params.set('accounts', state.accounts.join(','));
  params.set('range', state.range);
  params.set('compare', state.compare);
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

function iso(date) {
  return date.toISOString().slice(0, 10);
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
 * The range to show: the last complete period that has data (the current one while data is older than a
 * week), and as many periods before it as asked; plus the same range a year earlier for comparison.
 */
export function ranges(state, accounts) {
  const [grain, countText] = state.range.split(':');
  const count = Number(countText);
  const chosen = accounts.filter((a) => !state.accounts.length || state.accounts.includes(a.key));
  const lastData = chosen.map((a) => a.lastMessageAt).filter(Boolean).map((t) => new Date(t)).sort((a, b) => b - a)[0];
  const lastComplete = shift(periodStart(new Date(), grain), grain, -1);
  const anchor = lastData && periodStart(lastData, grain) < lastComplete ? periodStart(lastData, grain) : lastComplete;
  const from = shift(anchor, grain, -(count - 1));
  const yearBack = grain === 'month' ? -12 : -52;
  return {
    current: { grain, from: iso(from), to: iso(anchor), accounts: state.accounts },
    lastYear: { grain, from: iso(shift(from, grain, yearBack)), to: iso(shift(anchor, grain, yearBack)), accounts: state.accounts },
  };
}
