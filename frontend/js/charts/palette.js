// Okabe–Ito: distinguishable with every common form of colour blindness. Charts take colours only from here.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Better / worse / unchanged, for changes and sparklines (always paired with ▲ ▼ so colour is not the only cue). */
export const GOOD = '#0072B2';
export const BAD = '#D55E00';
export const NEUTRAL = '#6e7781';

export const TIER_COLOURS = {
  advocate: '#009E73', regular: '#0072B2', participant: '#56B4E9', lapsed: '#999999', new: '#E69F00', none: '#cfd4d9',
};

/** Sequential blues for shares in [0, 1] (one hue: readable without colour vision too). */
export const SEQUENTIAL = ['#eef5fb', '#56B4E9', '#0072B2', '#003f63'];

export const TEXT = { color: '#3d444d', fontSize: 11 };
export const AXIS_LINE = '#c9d1d9';
export const GRID_LINE = '#eceff2';
