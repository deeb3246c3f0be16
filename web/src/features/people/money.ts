/**
 * Money in the UI: amounts are typed in main units (hryvnias) and travel as integer minor units
 * (kopiykas). The conversion works on the digits as text, so 0.1 + 0.2 style float errors can
 * never change an amount.
 */

/** Decimal places of a currency's minor unit (UAH, USD, EUR: 2; JPY: 0). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * "1 234,56" or "1234.5" → 123456 / 123450 (for two minor digits). Spaces (also non-breaking) may
 * group thousands; a comma or a point separates the minor part. Returns null when the text is not
 * an amount, has more decimals than the currency allows, or is too large to be exact.
 */
export function parseAmountToMinor(text: string, digits = 2): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minorText = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(minorText);
  if (!Number.isSafeInteger(value)) return null;
  return value;
}

/** 123456 → "1234.56": the exact decimal text of an amount in minor units. */
export function minorToDecimalText(minor: number, digits = 2): string {
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : text.slice(-digits);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** An amount in minor units as money in the reader's locale ("1 234,56 грн"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // Intl formats a decimal string exactly (no detour through a binary float).
  return format.format(minorToDecimalText(minor, digits) as unknown as number);
}
