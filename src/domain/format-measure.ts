/**
 * Key-result values as people read them: thousands separators and the unit after the number
 * ("120,000 EUR", "12.5 hours", "45%"). Pure: the browser, e-mails and digests share it.
 */

/** The units the forms offer; any other short text is a custom unit ("hours", "tickets"). */
export const SUGGESTED_UNITS = ['number', 'percent', 'EUR', 'USD', 'GBP', 'hours', 'days', 'points'] as const;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

/** A number with the locale's grouping and at most two decimals: 120000 → "120,000". */
export const formatNumber = (value: number, locale = 'en-US'): string => numberFormat(locale).format(value);

/** A value with its unit: none or "number" shows the number alone, "percent" a % sign, anything else follows the number. */
export function formatMeasure(value: number | null | undefined, unit: string | null | undefined, locale = 'en-US'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const number = formatNumber(value, locale);
  const label = unit?.trim();
  if (!label || label === 'number') return number;
  if (label === 'percent' || label === '%') return `${number}%`;
  return `${number} ${label}`;
}
