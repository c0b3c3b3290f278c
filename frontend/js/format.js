// Every number a person reads is formatted here, by the metric's unit (count, share, minutes, score, rate).
// Nothing here computes a metric: it only writes the server's values for people (1.2k, 38 %, 4 h 12 min).
const ONE = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const TWO = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const NBSP = '\u00a0';
const MINUS = '\u2212';

const missing = (v) => v === null || v === undefined || Number.isNaN(v);

/** 950, 1.2k, 38k, 1.4M. */
export function count(v) {
  if (missing(v)) return '—';
  return Math.abs(v) >= 1000 ? COMPACT.format(v).replace('K', 'k') : ONE.format(v);
}

/** A share in [0, 1] as a percentage: 38 %, 4.5 %, 0 % (whole: 5 %, where room is short). */
export function percent(share, { whole = false } = {}) {
  if (missing(share)) return '—';
  const pct = share * 100;
  return `${Math.abs(pct) < 10 && !whole ? ONE.format(pct) : WHOLE.format(pct)}${NBSP}%`;
}

/** Minutes as a person says them: 45 s, 12 min, 4 h 12 min, 2 d 5 h. */
export function duration(minutes) {
  if (missing(minutes)) return '—';
  if (minutes < 1) return `${WHOLE.format(minutes * 60)}${NBSP}s`;
  if (minutes < 60) return `${WHOLE.format(minutes)}${NBSP}min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = Math.round(minutes - h * 60);
    return m && m < 60 ? `${h}${NBSP}h ${m}${NBSP}min` : `${Math.round(minutes / 60)}${NBSP}h`;
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.round((minutes - d * 1440) / 60);
  return h && h < 24 ? `${d}${NBSP}d ${h}${NBSP}h` : `${Math.round(minutes / 1440)}${NBSP}d`;
}

/** A server value in its unit's own terms; '—' where the server has none (a zero denominator, no data). */
export function value(v, unit) {
  if (missing(v)) return '—';
  return written(v, unit).replace(/^-/, MINUS);
}

function written(v, unit) {
  switch (unit) {
    case 'share': return percent(v);
    case 'minutes': return duration(v);
    case 'count': return count(v);
    case 'score': return ONE.format(v);
    case 'rate': return Math.abs(v) >= 1000 ? count(v) : Math.abs(v) >= 10 ? ONE.format(v) : TWO.format(v);
    default: return TWO.format(v);
  }
}

/**
 * The difference of two values the server returned, for display only (shares in percentage points).
 * Returns { text, sign } with sign −1, 0 or 1; null when either value is missing.
 */
export function change(current, previous, unit) {
  if (missing(current) || missing(previous)) return null;
  const d = current - previous;
  const size = Math.abs(d);
  let text;
  switch (unit) {
    case 'share': text = `${ONE.format(size * 100)}${NBSP}pts`; break;
    case 'minutes': text = duration(size); break;
    case 'count': text = count(size); break;
    case 'score': text = ONE.format(size); break;
    default: text = value(size, unit);
  }
  const sign = Math.sign(d);
  return { sign, text: sign === 0 ? `±${text}` : `${sign > 0 ? '+' : MINUS}${text}` };
}

/** The label formatter of a value axis in this unit. */
export function axis(unit) {
  switch (unit) {
    case 'share': return (v) => `${(Math.abs(v) < 0.1 ? ONE : WHOLE).format(v * 100)}${NBSP}%`;
    case 'minutes': return (v) => (v < 120 ? `${WHOLE.format(v)}${NBSP}min` : v < 2880
      ? `${ONE.format(v / 60)}${NBSP}h` : `${ONE.format(v / 1440)}${NBSP}d`);
    default: return (v) => count(v);
  }
}

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10080, 20160, 43200];

/** A tick step for a minutes axis that lands on whole minutes, hours or days (6 ticks at most). */
export function minutesStep(max) {
  return STEPS.find((step) => max / step <= 6) || Math.ceil(max / 6 / 43200) * 43200;
}

/** Sample size, exact: n = 1,234. */
export function n(v) {
  return missing(v) ? '' : `n${NBSP}=${NBSP}${v.toLocaleString('en')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** The parts of a YYYY-MM-DD date, read as written (no time zone shifts it). */
function parts(isoDate) {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return { y, m: m - 1, d };
}

/** An axis label for a period: "16 Nov" (weeks) or "Nov 2026" (months). */
export function period(isoDate, grain) {
  const { y, m, d } = parts(isoDate);
  return grain === 'month' ? `${MONTHS[m]} ${y}` : `${d} ${MONTHS[m]}`;
}

/** A period in a sentence: "week of 16 Nov 2026" or "November 2026". */
export function periodLong(isoDate, grain) {
  const { y, m } = parts(isoDate);
  return grain === 'month' ? `${MONTHS_LONG[m]} ${y}` : `week of ${day(isoDate)}`;
}

/** A day: "16 Nov 2026". */
export function day(isoDate) {
  const { y, m, d } = parts(isoDate);
  return `${d} ${MONTHS[m]} ${y}`;
}

export function bytes(b) {
  if (missing(b)) return '';
  if (b < 1024) return `${b}${NBSP}B`;
  if (b < 1024 * 1024) return `${ONE.format(b / 1024)}${NBSP}KB`;
  if (b < 1024 ** 3) return `${ONE.format(b / 1024 ** 2)}${NBSP}MB`;
  return `${TWO.format(b / 1024 ** 3)}${NBSP}GB`;
}

/** Whole numbers with separators, for counts of rows and people in sentences: 12,345. */
export function integer(v) {
  return missing(v) ? '—' : WHOLE.format(v);
}

/** For the few strings ECharts puts into tooltip HTML: the server's labels are escaped, never trusted. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
