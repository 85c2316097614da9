/**
 * Moments as people read them in their own locale: "Dec 3, 2025, 10:13 PM" (a comment, an activity) and
 * "12/3/2025" (a day). Pure: given the locale, the same answer in the browser and in tests.
 *
 * English (United States) is written without `Intl`: a page's first `Intl` object initialises ICU, 20–50 ms of one
 * task on a first visit (the objective page's activity list paid it for its dates alone), while `Date`'s own local
 * fields cost well under a millisecond. Any other locale goes through Intl.DateTimeFormat. Tests compare the two.
 */

const ENGLISH = new Set(['en-US', 'en']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What `toLocaleString` answers for an invalid date (Intl.DateTimeFormat would throw). */
const INVALID = 'Invalid Date';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  let found = formats.get(`${key}|${locale}`);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(`${key}|${locale}`, found);
  }
  return found;
}

/** The locale's medium date and short time, in the local time zone: "Dec 3, 2025, 10:13 PM" in en-US. */
export function formatDateTime(moment: Date, locale: string): string {
  if (Number.isNaN(moment.getTime())) return INVALID;
  if (!ENGLISH.has(locale)) return format(locale, { dateStyle: 'medium', timeStyle: 'short' }, 'medium-short').format(moment);
  const hours = moment.getHours();
  const minutes = String(moment.getMinutes()).padStart(2, '0');
  const day = `${MONTHS[moment.getMonth()]} ${moment.getDate()}, ${moment.getFullYear()}`;
  return `${day}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The locale's short numeric date, in the local time zone: "12/3/2025" in en-US. */
export function formatNumericDate(moment: Date, locale: string): string {
  if (Number.isNaN(moment.getTime())) return INVALID;
  if (!ENGLISH.has(locale)) return format(locale, {}, 'numeric').format(moment);
  return `${moment.getMonth() + 1}/${moment.getDate()}/${moment.getFullYear()}`;
}
