/**
 * fuyou's one colour palette. Every colour a page shows for a meaning (the five risk colours,
 * record states, chart series) comes from here, so that orange means the same on a badge, a
 * chart and a map. Plain layout greys (borders, muted text) stay in CSS as Element Plus's
 * variables (`var(--el-text-color-secondary)`), not here.
 */

/** The five-colour risk grading (clinical-rules.md §1): background and readable text colour. */
export const RISK = {
  GREEN: { bg: '#2e7d32', fg: '#ffffff' },
  YELLOW: { bg: '#f9d71c', fg: '#4a3b00' },
  ORANGE: { bg: '#ef6c00', fg: '#ffffff' },
  RED: { bg: '#c62828', fg: '#ffffff' },
  PURPLE: { bg: '#7b1fa2', fg: '#ffffff' },
  /** Not yet graded. */
  NONE: { bg: '#909399', fg: '#ffffff' }
} as const

export type RiskColour = Exclude<keyof typeof RISK, 'NONE'>
export const RISK_COLOURS: readonly RiskColour[] = ['GREEN', 'YELLOW', 'ORANGE', 'RED', 'PURPLE']

/** The colour of a risk grade (any string the server sends; unknown or empty → not graded). */
export function riskColour(colour: string | null | undefined): { bg: string; fg: string } {
  return (colour && colour in RISK ? RISK[colour as keyof typeof RISK] : RISK.NONE)
}

/** States of a record or task, as Element Plus's status colours (tags, bed board, bars). */
export const STATE = {
  ok: '#67c23a',
  warning: '#e6a23c',
  danger: '#f56c6c',
  info: '#909399',
  primary: '#409eff'
} as const

/** Row backgrounds for lists that flag rows (overdue, refused, break-glass, paged). */
export const ROW = {
  danger: '#fef0f0',
  warning: '#fdf6ec',
  muted: '#fafafa'
} as const

/** fuyou's brand (the shell, the login page, single-series charts). */
export const BRAND = {
  primary: '#c2185b',
  dark: '#880e4f',
  light: '#fce4ec'
} as const

/** Chart series in order: a chart with several series takes them from here. */
export const SERIES = ['#c2185b', '#1976d2', '#2e7d32', '#7b1fa2', '#ef6c00', '#5ad8a6', '#f6bd16', '#6f5ef9'] as const

/** Sequential scale (map shading, funnel steps): light → dark in the brand's hue. */
export const SEQUENTIAL = ['#fce4ec', '#f06292', '#880e4f'] as const
export const FUNNEL = ['#880e4f', '#ad1457', '#c2185b', '#d81b60', '#ec407a'] as const

/** Growth charts: the median and the ±2 / ±3 SD lines, and the child's own points. */
export const GROWTH = {
  median: RISK.GREEN.bg,
  sd2: RISK.ORANGE.bg,
  sd3: RISK.RED.bg,
  child: '#1976d2'
} as const

/** A state-name → colour map for one kind of record, falling back to `STATE.info`. */
export function stateColour(map: Record<string, string>, state: string | null | undefined): string {
  return (state && map[state]) || STATE.info
}
