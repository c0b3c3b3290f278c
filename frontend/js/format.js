// Every number a person reads is formatted here, by the metric's unit.
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function minutes(value) {
  if (value < 1) return `${Math.round(value * 60)} s`;
  if (value < 60) return `${Math.round(value)} min`;
  if (value < 24 * 60) {
    const h = Math.floor(value / 60);
    const m = Math.round(value - h * 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(value / 1440);
  const h = Math.round((value - d * 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

export function value(v, unit) {
  if (v === null || v === undefined) return '—';
  switch (unit) {
    case 'share': return `${decimal.format(v * 100)} %`;
    case 'minutes': return minutes(v);
    case 'count': return Math.abs(v) >= 10000 ? compact.format(v) : decimal.format(v);
    case 'score': return decimal.format(v);
    default: return precise.format(v);
  }
}

/** The change between two values the server computed, in the unit's own terms (points for shares). */
export function delta(current, previous, unit) {
  if (current === null || current === undefined || previous === null || previous === undefined) return '';
  const d = current - previous;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const size = Math.abs(d);
  switch (unit) {
    case 'share': return `${sign}${decimal.format(size * 100)} pts`;
    case 'minutes': return `${sign}${minutes(size)}`;
    case 'count': return `${sign}${Math.abs(size) >= 10000 ? compact.format(size) : decimal.format(size)}`;
    default: return `${sign}${precise.format(size)}`;
  }
}

export function axis(unit) {
  return (v) => (unit === 'share' ? `${Math.round(v * 100)} %` : unit === 'minutes' ? minutes(v) : compact.format(v));
}

export function period(isoDate, grain) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return grain === 'month'
    ? d.toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' })
    : d.toLocaleDateString('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
