/**
 * The one way dates and times are written for people: the computer's own locale and its medium
 * style ('Jul 1, 2025' in the United States, '1 Jul 2025' in Britain). Stored dates stay ISO.
 * A date without a time ('2025-07-01', an effective date) is that calendar day wherever the
 * computer is, not midnight UTC moved into the day before.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function toDate(v: string | number | Date): Date {
  if (typeof v === 'string') {
    const m = DAY.exec(v)
    if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  }
  return new Date(v)
}

export function formatDate(v: string | number | Date, locale?: string): string {
  const d = toDate(v)
  return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleDateString(locale, { dateStyle: 'medium' })
}

export function formatDateTime(v: string | number | Date, locale?: string): string {
  const d = toDate(v)
  return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}

/** A sentence stored with ISO dates in it (an audit label: 'Published version 1 (effective 2025-07-01)'), its dates written the same way as every other. */
export function withLocalDates(text: string, locale?: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => formatDate(d, locale))
}
