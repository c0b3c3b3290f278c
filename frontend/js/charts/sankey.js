// Flows of people between tiers from the previous period's end to the last one's.
import { TIER_COLOURS } from './palette.js';

export function sankeyOption(transitions) {
  const before = (t) => `${t} (before)`;
  const nodes = new Map();
  const links = transitions.map((t) => {
    nodes.set(before(t.from), TIER_COLOURS[t.from]);
    nodes.set(t.to, TIER_COLOURS[t.to]);
    return { source: before(t.from), target: t.to, value: t.count };
  });
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey', left: 8, right: 90, top: 12, bottom: 12, nodeGap: 10, emphasis: { focus: 'adjacency' },
      data: [...nodes].map(([name, color]) => ({ name, itemStyle: { color } })),
      links, lineStyle: { color: 'gradient', opacity: 0.35 },
    }],
  };
}
