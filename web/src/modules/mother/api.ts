/** Her app's account as staff see it (mirrors of `cn.fuyou.mother.ActivationCodes`). */
import { http, path } from '../../api'

/** `ActivationCodes.Status`: whether she has activated her app, and the code last issued. */
export interface AccountStatus {
  personId: string
  activated: boolean
  activatedAt?: string | null
  codeIssuedAt?: string | null
  codeExpiresAt?: string | null
  enabled: boolean
}

/** `ActivationCodes.Issued`: a new activation code (shown once, for her to scan or type). */
export interface IssuedCode {
  personId: string
  code: string
  expiresAt: string
  alreadyActivated: boolean
}

export const motherAccounts = {
  status: (personId: string) => http.get<AccountStatus>(path('/api/mother-accounts', personId)),
  issueCode: (personId: string) => http.post<IssuedCode>(path('/api/mother-accounts', personId, 'activation-code'), {})
}
