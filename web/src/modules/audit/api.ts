/** The audit trail's calls and shapes (`cn.fuyou.audit.AuditEvent`; names from the registry). */
import { http, type Page } from '../../api'

export type AuditOutcome = 'ALLOWED' | 'DENIED'

export interface AuditEntry {
  id: number
  at: string
  username: string
  institutionCode: string | null
  action: string
  entityType: string | null
  entityId: string | null
  personId: string | null
  outcome: AuditOutcome
  breakGlass: boolean
  reason: string | null
  clientIp: string | null
}

export interface AuditFilter {
  username?: string
  action?: string
  personId?: string
  from?: string
  to?: string
  page?: number
  size?: number
}

/** People, institutions and staff of a page of the trail, by name (people only where the reader may see them). */
export interface AuditNames {
  persons: Record<string, string>
  institutions: Record<string, { nameZh: string; nameEn: string | null }>
  staff: Record<string, string>
}

export const audit = {
  search: (f: AuditFilter) => http.get<Page<AuditEntry>>('/api/audit', { ...f }),
  names: (rows: AuditEntry[]) =>
    http.get<AuditNames>('/api/audit/names', {
      person: unique(rows.map((r) => r.personId)),
      institution: unique(rows.map((r) => r.institutionCode)),
      staff: unique(rows.map((r) => r.username))
    })
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))]
}
