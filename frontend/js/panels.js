// The dashboard's table of panels: which metrics (or which server view) each shows, and as what chart.
export const CARDS = [
  'conversations_per_1k_followers', 'repeat_rate', 'advocates', 'response_rate',
  'median_response_minutes', 'personalization_score', 'promotional_share',
];

const NO_FOLLOWERS = 'No follower snapshots yet — import followers to see conversations per 1,000 followers.';
const NO_SURVEYS = 'No survey data yet — import surveys to see NPS.';

export const PANELS = [
  { id: 'conversations', title: 'Two-way conversations', metrics: ['conversations', 'deep_conversation_share'], chart: 'line' },
  { id: 'depth-vs-vanity', title: 'Depth vs vanity', metrics: ['conversations_per_1k_followers', 'follower_growth'], chart: 'line', empty: NO_FOLLOWERS },
  { id: 'people', title: 'People who come back', metrics: ['active_interactors', 'new_interactors', 'repeat_interactors'], chart: 'line' },
  { id: 'loyalty', title: 'Repeat rate and advocates', metrics: ['repeat_rate', 'advocates'], chart: 'line' },
  { id: 'responsiveness', title: 'Answering people', metrics: ['response_rate', 'response_within_sla_rate', 'reciprocity'], chart: 'line' },
  { id: 'response-time', title: 'Response time', metrics: ['median_response_minutes', 'p90_response_minutes'], chart: 'line' },
  { id: 'response-distribution', title: 'How long people waited', source: 'response-times', chart: 'bars',
    about: 'Inbound turns starting in the range, by the time to the brand\'s first answer.' },
  { id: 'personal', title: 'Personal vs canned replies', metrics: ['personalization_score', 'canned_reply_share'], chart: 'line',
    about: 'Template groups grow as data arrives, so past weeks may change after an import.' },
  { id: 'broadcast', title: 'Conversation vs broadcast', metrics: ['conversation_ratio', 'promotional_share'], chart: 'line' },
  { id: 'amplification', title: 'Shares and reactions per post', metrics: ['amplification_per_post', 'applause_per_post'], chart: 'line' },
  { id: 'tiers', title: 'Relationship tiers', source: 'tiers', chart: 'stacked',
    about: 'People by tier at each period\'s end, over the 90 days before it.' },
  { id: 'flows', title: 'Moves between tiers, last period', source: 'tiers', chart: 'sankey',
    about: 'Where each person\'s tier at the previous period\'s end went by the last period\'s end.' },
  { id: 'cohorts', title: 'Cohort retention', source: 'cohorts', chart: 'heatmap',
    about: 'Share of the people first seen in a period who were active again k periods later.' },
  { id: 'nps', title: 'Net Promoter Score', metrics: ['nps'], chart: 'line', empty: NO_SURVEYS },
  { id: 'nps-by-tier', title: 'NPS by relationship tier', source: 'nps-by-tier', chart: 'bars', empty: NO_SURVEYS,
    about: 'Survey answers in the range, by the respondent\'s tier on the day they answered.' },
];
