// Formatting of dates and names for display. Dutch users write dates as 24-11-2026.
import i18n from 'i18next';

function intlLocale(lang?: string): string {
  return (lang ?? i18n.language ?? 'nl').startsWith('en') ? 'en-GB' : 'nl-NL';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats an ISO date (YYYY-MM-DD) or timestamp as a date: 24-11-2026 (nl) or 24/11/2026 (en). Empty for null. */
export function formatDate(value: string | null | undefined, lang?: string): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  const fmt = new Intl.DateTimeFormat(intlLocale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: m ? 'UTC' : undefined,
  });
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return fmt.format(date);
}

/** Formats an ISO timestamp as date and time in the user's time zone: 24-11-2026 14:05. */
export function formatDateTime(value: string | null | undefined, lang?: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const d = formatDate(value, lang);
  const t = new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit' }).format(date);
  return `${d} ${t}`;
}

/** "Anna de Vries" from first and last name. */
export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`.trim();
}

/** A whole number as typed ("45"); NaN when empty or not a number, so the server names the field. */
export function whole(text: string): number {
  const v = text.trim();
  return v === '' ? Number.NaN : Number(v.replace(',', '.'));
}

/** A key not used yet among `used`: "g3", "d2", "custom-4". */
export function freshKey(prefix: string, used: Iterable<string>): string {
  const set = new Set(used);
  let n = set.size + 1;
  while (set.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** Sort key for Dutch surnames: "de Vries" sorts under V. */
export function surnameSortKey(lastName: string): string {
  return lastName.replace(/^((van|de|der|den|het|ter|ten|te|in|'t|la|le|du|da|di|von|op|uit|aan)\s+)+/i, '');
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

export function comparePupils(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): number {
  return compareText(surnameSortKey(a.lastName), surnameSortKey(b.lastName)) || compareText(a.firstName, b.firstName);
}

/** "4/5" for a combination group's grades. */
export function formatGrades(grades: number[]): string {
  return [...grades].sort((a, b) => a - b).join('/');
}

let serverToday: string | null = null;

/** Called with /api/me: from then on "today" is the server's (one clock for browser and server; demos pin it). */
export function setServerToday(iso: string | null | undefined): void {
  serverToday = iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null;
}

/** Today as YYYY-MM-DD: the server's date once the session is known, else the browser's local date. */
export function todayIso(): string {
  if (serverToday) return serverToday;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
