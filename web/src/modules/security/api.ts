/** The security module's shapes (mirrors of `cn.fuyou.security.*` / `cn.fuyou.registry.StaffAccounts`). */

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
