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
export const formatNumber = (value: number, locale = 'en-US'): string =>
  locale === 'en-US' && Number.isFinite(value) && Math.abs(value) < 1e21 ? formatEnglish(value) : numberFormat(locale).format(value);

/**
 * The default locale's format without `Intl`: a browser's first `Intl` object initialises ICU (30–50 ms of one task),
 * which a page showing a few key results paid for nothing else. Rounded as Intl.NumberFormat rounds: half away from
 * zero on the shortest decimal that reads back as the number (`String(value)`: 1.005 is "1.005", so 1.01), not on its
 * binary value as `toFixed` does (1.00). Tests compare the two over many values.
 */
function formatEnglish(value: number): string {
  const magnitude = Math.abs(value);
  const shortest = String(magnitude);
  // Below 1e-6 String() writes an exponent; such a number shows as 0 with two decimals at most.
  const [whole, decimals = ''] = shortest.includes('e') ? ['0'] : (shortest.split('.') as [string, string?]);
  let hundredths = BigInt(whole + decimals.slice(0, 2).padEnd(2, '0'));
  if ((decimals[2] ?? '0') >= '5') hundredths += 1n;
  const digits = hundredths.toString().padStart(3, '0');
  const grouped = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = digits.slice(-2).replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A value with its unit: none or "number" shows the number alone, "percent" a % sign, anything else follows the number. */
export function formatMeasure(value: number | null | undefined, unit: string | null | undefined, locale = 'en-US'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const number = formatNumber(value, locale);
  const label = unit?.trim();
  if (!label || label === 'number') return number;
  if (label === 'percent' || label === '%') return `${number}%`;
  return `${number} ${label}`;
}
