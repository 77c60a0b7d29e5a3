import { reactive } from 'vue'
import { nameOf } from '../i18n'
import { institutions, type Institution } from '../modules/registry/api'

/** Institutions already fetched (or being fetched), by code, for the whole session. */
const known = reactive(new Map<string, Institution | null>())

/**
 * An institution's name in the reader's language, for pages whose records carry only its code:
 * `institutionName(row.reportedToCode)` shows the code until the name arrives, then the name.
 * Each code is fetched once per session.
 */
export function institutionName(code: string | null | undefined): string {
  if (!code) return ''
  if (!known.has(code)) {
    known.set(code, null)
    institutions.get(code).then((i) => known.set(code, i)).catch(() => undefined)
  }
  const i = known.get(code)
  return i ? nameOf(i) : code
}
