// The dashboard's table of panels: what each panel shows (metric keys of /api/metrics, or one server view)
// and as which chart. Adding a panel is adding a row here; a new chart type also needs a builder in charts/.
//
//   id       stable id: the element is #panel-<id>
//   group    the question the panel helps answer (GROUPS below)
//   title    what the panel is called on screen
//   metrics  metric keys, drawn as trends (one value axis per unit, two at most)   ─┐ one of
//   source   a server view: tiers | cohorts | response-times | nps-by-tier          ─┘ the two
//   chart    line | bars | stacked | sankey | heatmap
//   bars     metric keys drawn as bars in a line chart (context beside the trend)
//   wide     takes two columns where there are more than two
//   about    one sentence under the title; the ⓘ shows the metrics' definitions from the server
//   empty    what to say when there is nothing to draw (an import that would fill it)

// "for these periods": snapshots of other periods (a later year) may exist, and count only from their day on
const NO_FOLLOWERS = 'No follower snapshots for these periods — import followers to see conversations per 1,000 followers.';
const NO_SURVEYS = 'No survey data yet — import surveys to see NPS.';

/** The headline cards, in order; `empty` is shown when the metric has no value in the whole range. */
export const CARDS = [
  { metric: 'conversations_per_1k_followers', empty: 'No follower snapshots for these periods — import followers.' },
  { metric: 'repeat_rate' },
  { metric: 'advocates' },
  { metric: 'response_rate' },
  { metric: 'median_response_minutes' },
  { metric: 'personalization_score' },
  { metric: 'promotional_share' },
];

export const GROUPS = [
  { id: 'talk', title: 'Are people talking with us?' },
  { id: 'return', title: 'Do they come back?' },
  { id: 'listen', title: 'Do we listen and answer?' },
  { id: 'voice', title: 'Do we sound like people, or like ads?' },
  { id: 'say', title: 'What do they say about us?' },
];

export const PANELS = [
  { id: 'conversations', group: 'talk', title: 'Two-way conversations', chart: 'line',
    metrics: ['conversations', 'deep_conversation_share'] },
  { id: 'depth-vs-vanity', group: 'talk', title: 'Depth vs vanity', chart: 'line',
    metrics: ['conversations_per_1k_followers', 'follower_growth'], bars: ['follower_growth'], empty: NO_FOLLOWERS,
    about: 'Conversations per 1,000 followers (the line) beside follower growth (the bars, context only).' },
  { id: 'people', group: 'return', title: 'People who come back', chart: 'line',
    metrics: ['active_interactors', 'new_interactors', 'repeat_interactors'] },
  { id: 'loyalty', group: 'return', title: 'Repeat rate and advocates', chart: 'line',
    metrics: ['repeat_rate', 'advocates'] },
  { id: 'tiers', group: 'return', title: 'Relationship tiers', source: 'tiers', chart: 'stacked',
    about: 'People by tier at each period\'s end, judged over the 90 days before it.' },
  { id: 'flows', group: 'return', title: 'Moves between tiers, last period', source: 'tiers', chart: 'sankey',
    about: 'Where people stood at the end of the period before (left) and at the end of the last period (right).' },
  { id: 'cohorts', group: 'return', title: 'Cohort retention', source: 'cohorts', chart: 'heatmap', wide: true,
    about: 'Of the people first seen in a period (a cohort), the share active again k periods later.' },
  { id: 'responsiveness', group: 'listen', title: 'Answering people', chart: 'line',
    metrics: ['response_rate', 'response_within_sla_rate', 'reciprocity'] },
  { id: 'response-time', group: 'listen', title: 'Response time', chart: 'line',
    metrics: ['median_response_minutes', 'p90_response_minutes'] },
  { id: 'response-distribution', group: 'listen', title: 'How long people waited', source: 'response-times', chart: 'bars',
    about: 'Answered inbound turns that started in the range, by the time to the brand\'s first answer.' },
  { id: 'personal', group: 'voice', title: 'Personal vs canned replies', chart: 'line',
    metrics: ['personalization_score', 'canned_reply_share'],
    about: 'Template groups grow as data arrives, so past periods may change after an import.' },
  { id: 'broadcast', group: 'voice', title: 'Conversation vs broadcast, self-promotion', chart: 'line',
    metrics: ['conversation_ratio', 'promotional_share'] },
  { id: 'amplification', group: 'voice', title: 'Shares and reactions per post', chart: 'line',
    metrics: ['amplification_per_post', 'applause_per_post'] },
  { id: 'nps', group: 'say', title: 'Net Promoter Score', chart: 'line', metrics: ['nps'], empty: NO_SURVEYS },
  { id: 'nps-by-tier', group: 'say', title: 'NPS by relationship tier', source: 'nps-by-tier', chart: 'bars', empty: NO_SURVEYS,
    about: 'Survey answers dated in the range, by the respondent\'s tier on the day they answered.' },
];

/** Every metric key the panels and cards need, for one request to /api/metrics. */
export function metricKeys() {
  const keys = new Set(CARDS.map((c) => c.metric));
  for (const panel of PANELS) for (const key of panel.metrics || []) keys.add(key);
  return [...keys];
}

/** The server views the panels need. */
export function sources() {
  return [...new Set(PANELS.filter((p) => p.source).map((p) => p.source))];
}
