import { formatDateTime, formatNumericDate } from '../../../domain/format-when.js';

/** A moment as people read it here: "Nov 21, 2026, 10:12 AM", in their locale and time zone. */
export const when = (iso: string) => formatDateTime(new Date(iso), navigator.language);

/** A day as people read it here: "11/21/2026", in their locale and time zone. */
export const day = (iso: string) => formatNumericDate(new Date(iso), navigator.language);
