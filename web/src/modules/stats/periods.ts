/** Periods of the statistics: month, quarter, calendar year, statistical year (1 Oct – 30 Sep, named by its end year). */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'statYear'

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** value: 'YYYY-MM' (month), 'YYYY-Qn' (quarter), 'YYYY' (year / statistical year). */
export function periodRange(kind: PeriodKind, value: string): { from: string; to: string } {
  const y = Number(value.slice(0, 4))
  if (kind === 'month') {
    const m = Number(value.slice(5, 7))
    return { from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) }
  }
  if (kind === 'quarter') {
    const q = Number(value.slice(6))
    const m0 = (q - 1) * 3 + 1
    return { from: iso(y, m0, 1), to: iso(y, m0 + 2, lastDay(y, m0 + 2)) }
  }
  if (kind === 'year') return { from: iso(y, 1, 1), to: iso(y, 12, 31) }
  return { from: iso(y - 1, 10, 1), to: iso(y, 9, 30) }
}

/** The choices of a period kind, newest first, around today. */
export function periodChoices(kind: PeriodKind, today = new Date()): string[] {
  const y = today.getFullYear(), m = today.getMonth() + 1
  const out: string[] = []
  if (kind === 'month') for (let k = 0; k < 24; k++) { const d = new Date(y, m - 1 - k, 1); out.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`) }
  if (kind === 'quarter') for (let k = 0; k < 8; k++) { const q0 = Math.floor((m - 1) / 3) - k; const yy = y + Math.floor(q0 / 4); out.push(`${yy}-Q${((q0 % 4) + 4) % 4 + 1}`) }
  if (kind === 'year') for (let k = 0; k < 5; k++) out.push(String(y - k))
  if (kind === 'statYear') { const cur = m >= 10 ? y + 1 : y; for (let k = 0; k < 5; k++) out.push(String(cur - k)) }
  return out
}

/** The statistical year a date falls in. */
export function statYearOf(d = new Date()): number {
  return d.getMonth() + 1 >= 10 ? d.getFullYear() + 1 : d.getFullYear()
}
