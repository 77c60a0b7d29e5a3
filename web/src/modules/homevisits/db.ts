import Dexie, { type Table } from 'dexie'

/** What the doctor typed for one visit (kept on the phone until the server has it). */
export interface Draft {
  visitDate: string
  findings: string
  systolic: string
  diastolic: string
  weightKg: string
  feeding: string
}

/**
 * One home visit on the phone: the server's last known visit, what was typed on top of it, and where it
 * stands. `baseVersion` is the server version the draft was typed on (null: no visit existed).
 */
export interface VisitRow {
  key: string // 'P:<pregnancyId>' (mother) or 'N:<childId>' (newborn)
  kind: 'POSTPARTUM' | 'NEWBORN'
  subjectId: string
  order: number
  name: string
  detail: string
  dueUntil: string
  status: string
  server: Record<string, unknown> | null
  serverVersion: number | null
  draft: Draft | null
  baseVersion: number | null
  state: 'CLEAN' | 'PENDING' | 'SYNCED' | 'CONFLICT'
  conflict: Record<string, unknown> | null
  conflictVersion: number | null
}

class HomeVisitDb extends Dexie {
  visits!: Table<VisitRow, string>
  meta!: Table<{ key: string; value: string }, string>

  constructor() {
    super('fuyou-homevisits')
    this.version(1).stores({ visits: 'key, state, order', meta: 'key' })
  }
}

export const db = new HomeVisitDb()
