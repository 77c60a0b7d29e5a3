import { db, type Draft, type VisitRow } from './db'
import { homeVisitsApi, type NewbornState, type PostpartumDue } from './api'
import { HttpError } from '../../../m/http'

/**
 * Offline-first home visits: the list and every typed value live in IndexedDB (dexie); the server is
 * told when the network is there. A draft is never dropped: only a 200 from the server clears it; a 409
 * (the desk recorded or changed the visit meanwhile) keeps it beside the server's version until the
 * doctor chooses.
 */
export function emptyDraft(today: string): Draft {
  return { visitDate: today, findings: '', systolic: '', diastolic: '', weightKg: '', feeding: '' }
}

/** Refreshes the list from the server, keeping every pending or conflicting draft. */
export async function refresh(): Promise<void> {
  const list: PostpartumDue[] = await homeVisitsApi.postpartum()
  const babies: NewbornState[] = await homeVisitsApi.newborns(list.flatMap((p) => p.babies.map((b) => b.childId)))
  const rows: VisitRow[] = []
  let order = 0
  for (const p of list) {
    rows.push(base('P:' + p.pregnancyId, 'POSTPARTUM', p.pregnancyId, order++, p.womanName, [p.address, p.phone].filter(Boolean).join(' · '),
      p.dueUntil, p.status, p.visit as unknown as Record<string, unknown> | null, p.visit?.version ?? null))
    for (const b of p.babies) {
      const s = babies.find((n) => n.childId === b.childId)
      if (!s) continue
      rows.push(base('N:' + b.childId, 'NEWBORN', b.childId, order++, s.name, p.womanName, s.dueUntil, s.status,
        s.visit as unknown as Record<string, unknown> | null, s.visit?.version ?? null))
    }
  }
  await db.transaction('rw', db.visits, db.meta, async () => {
    const kept = new Map((await db.visits.toArray()).map((r) => [r.key, r]))
    for (const r of rows) {
      const old = kept.get(r.key)
      if (old && (old.state === 'PENDING' || old.state === 'CONFLICT' || old.draft)) { // typed values are never dropped
        await db.visits.put({ ...r, draft: old.draft, baseVersion: old.baseVersion, state: old.state, conflict: old.conflict, conflictVersion: old.conflictVersion })
      } else {
        await db.visits.put({ ...r, state: old?.state === 'SYNCED' ? 'SYNCED' : r.state })
      }
      kept.delete(r.key)
    }
    // visits no longer on today's list go, unless something typed is still waiting
    for (const [key, old] of kept) if (old.state !== 'PENDING' && old.state !== 'CONFLICT' && !old.draft) await db.visits.delete(key)
    await db.meta.put({ key: 'loadedAt', value: new Date().toISOString() })
  })
}

function base(key: string, kind: VisitRow['kind'], subjectId: string, order: number, name: string, detail: string, dueUntil: string,
  status: string, server: Record<string, unknown> | null, serverVersion: number | null): VisitRow {
  return { key, kind, subjectId, order, name, detail, dueUntil, status, server, serverVersion, draft: null, baseVersion: serverVersion, state: 'CLEAN', conflict: null, conflictVersion: null }
}

/** Keeps what was typed (called on every keystroke and on save). */
export async function saveDraft(key: string, draft: Draft, ready: boolean): Promise<void> {
  await db.visits.update(key, { draft: { ...draft }, ...(ready ? { state: 'PENDING' } : {}) })
}

function body(row: VisitRow, version: number | null) {
  const d = row.draft!
  const num = (s: string) => (s.trim() === '' ? null : Number(s))
  return row.kind === 'POSTPARTUM'
    ? { version, visitDate: d.visitDate, findings: d.findings || null, systolic: num(d.systolic), diastolic: num(d.diastolic) }
    : { version, visitDate: d.visitDate, findings: d.findings || null, weightKg: num(d.weightKg), feeding: d.feeding || null }
}

let running: Promise<void> | null = null

/** Sends every pending visit; offline it simply leaves them pending. */
export function syncPending(): Promise<void> {
  if (!running) running = doSync().finally(() => (running = null))
  return running
}

async function doSync(): Promise<void> {
  const pending = await db.visits.where('state').equals('PENDING').toArray()
  for (const row of pending) await send(row, row.baseVersion)
}

/** After a conflict: the doctor keeps her own values, on top of the version the desk made. */
export async function overwrite(key: string): Promise<void> {
  const row = await db.visits.get(key)
  if (!row || row.state !== 'CONFLICT') return
  await db.visits.update(key, { state: 'PENDING', baseVersion: row.conflictVersion })
  await send({ ...row, state: 'PENDING', baseVersion: row.conflictVersion }, row.conflictVersion)
}

/** After a conflict: the doctor takes the desk's version and drops her draft. */
export async function discard(key: string): Promise<void> {
  const row = await db.visits.get(key)
  if (!row) return
  await db.visits.update(key, { draft: null, state: 'CLEAN', server: row.conflict ?? row.server, serverVersion: row.conflictVersion ?? row.serverVersion,
    baseVersion: row.conflictVersion ?? row.serverVersion, conflict: null, conflictVersion: null, status: 'DONE' })
}

async function send(row: VisitRow, version: number | null): Promise<void> {
  if (!row.draft) return
  try {
    const saved = row.kind === 'POSTPARTUM'
      ? await homeVisitsApi.syncPostpartum(row.subjectId, body(row, version))
      : await homeVisitsApi.syncNewborn(row.subjectId, body(row, version))
    await db.visits.update(row.key, { server: saved as unknown as Record<string, unknown>, serverVersion: saved.version, baseVersion: saved.version,
      draft: null, state: 'SYNCED', status: 'DONE', conflict: null, conflictVersion: null })
  } catch (e) {
    if (!(e instanceof HttpError)) return
    const p = e.problem
    if (p.status === 409) {
      const current = (p.current as Record<string, unknown> | undefined) ?? null
      await db.visits.update(row.key, { state: 'CONFLICT', conflict: current, conflictVersion: current ? Number(current.version) : null })
    } else if (p.status === 0) {
      // still offline: stays pending
    } else {
      await db.visits.update(row.key, { state: 'CONFLICT', conflict: { error: p.errors?.[0]?.message ?? p.detail ?? String(p.status) }, conflictVersion: row.baseVersion })
    }
  }
}
