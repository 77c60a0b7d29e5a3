/** "2026-11-23T07:21:09.604Z" → "2026-11-23 15:21:09" in the browser's time zone (China Standard Time at the desks). */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

/** Age in whole years (or months under 2) on a given day, for the identity card. */
export function ageOf(birthDate: string | null | undefined, lang: string): string {
  if (!birthDate) return ''
  const b = new Date(birthDate + 'T00:00:00')
  const now = new Date()
  let months = (now.getFullYear() - b.getFullYear()) * 12 + (now.getMonth() - b.getMonth())
  if (now.getDate() < b.getDate()) months--
  if (months < 0) return ''
  if (months < 24) return lang === 'en' ? `${months} mo` : `${months}个月`
  const y = Math.floor(months / 12)
  return lang === 'en' ? `${y} y` : `${y}岁`
}

/**
 * An indicator's figure as the server rounded it, shown with exactly its precision (the decimals its catalogue entry
 * declares, which the server sends beside the value: 62.5 at 1 → "62.5", 62 at 1 → "62.0"); "—" when there is none.
 */
export function figureText(v: number | null | undefined, precision: number): string {
  if (v === null || v === undefined) return '—'
  return Number(v).toLocaleString(undefined, { minimumFractionDigits: precision, maximumFractionDigits: precision })
}
