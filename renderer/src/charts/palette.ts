/**
 * Colours of the charts: the Okabe-Ito palette (Okabe & Ito 2008), told apart by people with every common
 * form of colour blindness, used only in tones that contrast with white (no yellow for marks). Colour is never
 * the only cue: every bar has its value written on it, and signs are written out.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const CHART_COLOURS = {
  /** A value, a benefit, a total. */
  value: OKABE_ITO.blue,
  /** A disbenefit or a deduction: value taken away. */
  negative: OKABE_ITO.vermillion,
  /** Value given back (a deduction on a disbenefit). */
  positive: OKABE_ITO.bluishGreen,
  /** The second series of a pair (undiscounted value next to present value), outlined in `value`. */
  secondary: OKABE_ITO.skyBlue,
  /** Costs, outlined in a darker orange so the bars stand out from white (3 : 1). */
  cost: OKABE_ITO.orange,
  costLight: '#F6CF7F',
  costStroke: '#8F6200',
  ink: '#1d2330',
  muted: '#4f5a6b',
  axis: '#8a94a6',
  zero: '#5b6578',
} as const;
