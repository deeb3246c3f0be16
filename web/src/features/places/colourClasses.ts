// Colour classes for the oblast choropleth; pure, so it is unit-tested.

/** Light to dark blue; the darkest has white-legible contrast with the light ones around it. */
const PALETTE = ['#d6e6f5', '#9cc3e6', '#5c9bd1', '#2b6cb0', '#0b3a6e'];
export const NO_DATA = '#dee2e6';

export interface ColourClass {
  min: number;
  max: number;
  colour: string;
}

/** Up to five classes with about as many oblasts in each (quantiles), so one outlier cannot wash out the rest. */
export function colourClasses(values: number[]): ColourClass[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const count = Math.min(PALETTE.length, new Set(sorted).size);
  const classes: ColourClass[] = [];
  let lower = sorted[0] ?? 0;
  for (let i = 1; i <= count; i++) {
    const upper =
      i === count ? (sorted.at(-1) ?? lower) : (sorted[Math.floor((sorted.length * i) / count) - 1] ?? lower);
    if (upper < lower) continue;
    classes.push({ min: lower, max: upper, colour: '' });
    lower = upper + 1;
  }
  const step = PALETTE.length / classes.length;
  return classes.map((c, i) => ({
    ...c,
    colour: PALETTE[Math.min(PALETTE.length - 1, Math.floor(i * step + step - 1))] ?? NO_DATA,
  }));
}

export const colourOf = (classes: ColourClass[], value: number | undefined) =>
  value === undefined ? NO_DATA : (classes.find((c) => value >= c.min && value <= c.max)?.colour ?? NO_DATA);
