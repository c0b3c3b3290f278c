// The people table's columns, in order: the key (the server's, in the URL, the JSON and the CSV), the
// heading, and how a value is written. Values are the server's; nothing is computed here.
import * as format from '../format.js';

const date = (v) => (v ? new Date(v).toISOString().slice(0, 10) : '—');
const whole = (v) => (v === null || v === undefined ? '—' : format.integer(v));
const tier = (v) => ({ advocate: 'Advocate', regular: 'Regular', participant: 'Participant', lapsed: 'Lapsed', none: '—' }[v] || v);

export const COLUMNS = [
  { key: 'handle', label: 'Handle', text: (v) => v },
  { key: 'network', label: 'Network', text: (v) => v },
  { key: 'author_id', label: 'Author id', text: (v) => v },
  { key: 'accounts', label: 'Accounts', text: (v) => v.split(',').join(', ') },
  { key: 'first_seen', label: 'First seen', text: date },
  { key: 'last_seen', label: 'Last seen', text: date },
  { key: 'active_weeks', label: 'Active weeks (90 d)', text: whole, numeric: true },
  { key: 'messages', label: 'Messages', text: whole, numeric: true },
  { key: 'conversations', label: 'Conversations', text: whole, numeric: true },
  { key: 'inbound_turns', label: 'Inbound turns', text: whole, numeric: true },
  { key: 'answered_turns', label: 'Answered', text: whole, numeric: true },
  { key: 'median_response_minutes', label: 'Median response', text: format.duration, numeric: true },
  { key: 'amplifications', label: 'Shares', text: whole, numeric: true },
  { key: 'reactions', label: 'Reactions', text: whole, numeric: true },
  { key: 'tier', label: 'Tier', text: tier },
  { key: 'tier_90_days_ago', label: 'Tier 90 days ago', text: tier },
  { key: 'latest_nps', label: 'Latest NPS', text: whole, numeric: true },
  { key: 'waiting_since', label: 'Waiting since', text: date },
];
