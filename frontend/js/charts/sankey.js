// Flows of people between tiers (/api/tiers transitions of one period): the tier at the end of the period
// before on the left, at the end of this period on the right. "new" had no tier before; "none" dropped out.
import * as format from '../format.js';
import { TIER_COLOURS, TEXT } from './palette.js';

const ORDER = ['advocate', 'regular', 'participant', 'lapsed', 'new', 'none'];
const NAMES = { advocate: 'Advocate', regular: 'Regular', participant: 'Participant', lapsed: 'Lapsed', new: 'New', none: 'Gone' };

/** transitions: [{from, to, count}] of one period; before / after: what to call the two ends. */
export function sankeyOption(transitions, { before, after }) {
  const used = (side, key) => transitions.some((t) => t[key] === side);
  const nodes = [];
  for (const tier of ORDER) if (used(tier, 'from')) nodes.push({ name: `before:${tier}`, tier, depth: 0 });
  for (const tier of ORDER) if (used(tier, 'to')) nodes.push({ name: `after:${tier}`, tier, depth: 1 });
  const label = (name) => NAMES[name.split(':')[1]];
  return {
    animationDuration: 300,
    title: [
      { text: before, left: 0, top: 0, textStyle: { ...TEXT, fontWeight: 600 } },
      { text: after, right: 0, top: 0, textStyle: { ...TEXT, fontWeight: 600 } },
    ],
    tooltip: {
      trigger: 'item', confine: true,
      formatter: (p) => (p.dataType === 'edge'
        ? `${label(p.data.source)} → ${label(p.data.target)}: <b>${format.integer(p.data.value)}</b> people`
        : `${label(p.name)} (${p.name.startsWith('before') ? before : after})`),
    },
    series: [{
      type: 'sankey', left: 0, right: 0, top: 26, bottom: 4, nodeGap: 10, nodeWidth: 14, draggable: false,
      layoutIterations: 0, emphasis: { focus: 'adjacency' },
      data: nodes.map((node) => ({ name: node.name, depth: node.depth, itemStyle: { color: TIER_COLOURS[node.tier] } })),
      links: transitions.map((t) => ({ source: `before:${t.from}`, target: `after:${t.to}`, value: t.count })),
      lineStyle: { color: 'gradient', opacity: 0.3 },
      label: {
        ...TEXT, formatter: (p) => label(p.name),
        position: 'right',
      },
      levels: [{ depth: 0, label: { position: 'right' } }, { depth: 1, label: { position: 'left' } }],
    }],
  };
}
