/**
 * Colours told apart with every common kind of colour blindness (Okabe and Ito), then darker
 * tones for charts with many series. Every chart also says its numbers in text.
 */
export const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#6A3D9A', '#8C6D31', '#444444', '#B15928', '#1F78B4', '#33A02C'];

export const colourAt = (index: number) => SERIES[index % SERIES.length];

export const COLOURS = {
  primary: '#0072B2',
  secondary: '#E69F00',
  good: '#009E73',
  highlight: '#D55E00',
  muted: '#9E9E9E',
  pink: '#CC79A7',
} as const;

/**
 * Tooltip rows in dark text: recharts colours each row like its series, and several series
 * colours are too light for text on white (WCAG AA 4.5:1). The colour swatch stays.
 */
export const TOOLTIP_ITEM_STYLE = { color: '#1f1f1f' } as const;

/** Legend labels in dark text for the same reason (the swatch beside each keeps the series colour). */
export const LEGEND_PROPS = {
  wrapperStyle: { fontSize: 12 },
  formatter: (value: unknown) => <span style={TOOLTIP_ITEM_STYLE}>{String(value)}</span>,
} as const;
