/** The security module's calls and shapes (mirrors of `cn.fuyou.security.*` / `cn.fuyou.registry.StaffAccounts`). */
import { http, path } from '../../api'

export type StaffRole = 'CLINICIAN' | 'MIDWIFE_NURSE' | 'INSTITUTION_ADMIN' | 'REGIONAL_OFFICIAL' | 'SYSTEM_ADMIN'

/** `StaffAccounts.Listed`: one staff account. */
export interface StaffAccount {
  username: string
  displayName: string
  institutionCode: string
  role: StaffRole
  areaCode: string | null
  enabled: boolean
  locked: boolean
}

/** `ApiTokens.Listed`: one API token (never its secret). */
export interface ApiToken {
  id: string
  name: string
  institutionCode: string
  role: StaffRole
  createdAt: string
  createdBy: string | null
  expiresAt: string | null
  revokedAt: string | null
  revokedBy: string | null
  active: boolean
}

/** `CdsClients.Listed`: one registered CDS Hooks client. */
export interface CdsClient {
  id: string
  iss: string
  name: string
  institutionCode: string
  createdAt: string
  createdBy: string | null
  revokedAt: string | null
  revokedBy: string | null
}

/** `StaffAdminController.NewStaff`: a new staff account (`areaCode` for regional officials). */
export interface NewStaff {
  username: string
  displayName: string
  institutionCode: string
  role: StaffRole | (string & {})
  areaCode?: string
  password: string
}

/** `StaffAdminController.NewToken`: an API token for a system (its secret is shown once). */
export interface NewToken {
  name: string
  institutionCode: string
  role: StaffRole | (string & {})
  expiresAt?: string
}

export const staffAdmin = {
  staff: () => http.get<StaffAccount[]>('/api/admin/staff'),
  createStaff: (s: NewStaff) => http.post<{ username: string }>('/api/admin/staff', s),
  setEnabled: (username: string, enabled: boolean) => http.post(path('/api/admin/staff', username, 'enabled'), { enabled }),
  tokens: () => http.get<ApiToken[]>('/api/admin/tokens'),
  /** The new token's secret (`token`) is in this answer only. */
  issueToken: (t: NewToken) => http.post<{ id: string; token: string; shownOnce: boolean }>('/api/admin/tokens', t),
  revokeToken: (id: string) => http.post(path('/api/admin/tokens', id, 'revoke'), {}),
  cdsClients: () => http.get<CdsClient[]>('/api/admin/cds-clients'),
  revokeCdsClient: (id: string) => http.post(path('/api/admin/cds-clients', id, 'revoke'), {})
}
