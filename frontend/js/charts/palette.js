// Okabe–Ito: distinguishable with every common form of colour blindness.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const TIER_COLOURS = { advocate: '#009E73', regular: '#0072B2', participant: '#56B4E9', lapsed: '#999999', new: '#E69F00', none: '#cccccc' };
