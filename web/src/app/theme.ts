import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's defaults with darker shades where the default ones fall below WCAG AA contrast
 * on white (links, filled buttons, secondary text).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    // Field errors in a red dark enough for 4.5:1 on white.
    '--mantine-color-error': t.colors.red[9],
    // Light buttons grow paler on hover, not darker: shade 2 under shade-9 text is below 4.5:1.
    ...Object.fromEntries(
      Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-hover`, shades[0]]),
    ),
  },
  dark: {},
});
