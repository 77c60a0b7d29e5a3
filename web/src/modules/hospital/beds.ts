import { STATE } from '../../palette'

/** Bed types, states, GA bands and outcomes of the hospital module, and how its times are shown. */
/** Bed states on the board, in the palette's state colours. */
export const STATE_COLOURS: Record<string, string> = { FREE: STATE.ok, OCCUPIED: STATE.danger, RESERVED: STATE.warning, CLEANING: STATE.primary, CLOSED: STATE.info }
export const BED_TYPES = ['GENERAL', 'PICU', 'NICU_I', 'NICU_II', 'NICU_III', 'ISOLATION']
export const GA_BANDS = ['LT28', 'W28_31', 'W32_36', 'GE37', 'UNKNOWN']
export const OUTCOMES = ['CURED', 'IMPROVED', 'TRANSFERRED', 'AGAINST_ADVICE', 'DIED']
/** An ISO timestamp shown as local "YYYY-MM-DD HH:mm". */
export const when = (s?: string | null) => (s ? new Date(s).toLocaleString('sv-SE').slice(0, 16) : '')
export const ga = (d?: number | null) => (d == null ? '—' : Math.floor(d / 7) + '+' + (d % 7))
