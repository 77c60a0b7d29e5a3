/**
 * The network module's calls and shapes (mirrors of `cn.fuyou.network.Referrals.*`): referrals,
 * their history and moves. Institutions come by code and by name (zh and en).
 */
import { http, path } from '../../api'

export type ReferralState =
  | 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'REDIRECTED' | 'IN_TRANSIT' | 'ARRIVED' | 'COMPLETED' | 'BACK_REFERRED' | 'CLOSED'
export type Urgency = 'ROUTINE' | 'URGENT' | 'EMERGENCY'

export interface Transition {
  fromState: ReferralState | null
  toState: ReferralState
  at: string
  byUser: string
  /** The staff member's display name (the username when unknown). */
  byName: string
  note: string | null
  byInstitutionCode: string | null
  byInstitutionNameZh: string | null
  byInstitutionNameEn: string | null
}

export interface AttachmentInfo {
  id: string
  fileName: string
  mediaType: string
  sizeBytes: number
}

export interface Referral {
  id: string
  personId: string
  personName: string
  pregnancyId: string | null
  kind: 'MATERNAL' | 'NEWBORN' | 'CHILD' | 'INFERTILITY'
  fromInstitutionCode: string
  fromInstitutionName: string
  fromInstitutionNameEn: string | null
  toInstitutionCode: string
  toInstitutionName: string
  toInstitutionNameEn: string | null
  urgency: Urgency
  reason: string
  findings: string[]
  summary: string | null
  riskColour: string | null
  purple: boolean
  gestationalAgeDays: number | null
  screenFollowUp: boolean
  state: ReferralState
  createdAt: string
  acknowledgeBy: string | null
  overdue: boolean
  decidedAt: string | null
  departedAt: string | null
  arrivedAt: string | null
  completedAt: string | null
  outcome: string | null
  backReferralPlan: string | null
  followedUpAt: string | null
  followUpNote: string | null
  followUpOverdue: boolean
  redirectedTo: string | null
  nextStates: ReferralState[]
  transitions: Transition[]
  attachments: AttachmentInfo[]
  version: number
}

export interface Move {
  state: ReferralState
  note?: string
  redirectToInstitutionCode?: string
  outcome?: string
  plan?: string
  version: number
}

export const referrals = {
  get: (id: string) => http.get<Referral>(path('/api/referrals', id)),
  move: (id: string, m: Move) => http.post<Referral>(path('/api/referrals', id, 'moves'), m)
}

/** `AllianceStats.Row`: one alliance member's referral figures in one month. */
export interface AllianceRow {
  institutionCode: string
  nameZh: string
  nameEn: string | null
  month: string
  sent: number
  received: number
  backReferred: number
  consultations: number
  medianResponseMinutes: number | null
}

/** `Referrals.InboxItem`: one referral in the incoming/outgoing inbox. */
export interface InboxItem {
  id: string
  personId: string
  personName: string | null
  kind: string
  counterpartCode: string | null
  counterpartName: string | null
  urgency: string
  reason: string | null
  riskColour: 'GREEN' | 'YELLOW' | 'ORANGE' | 'RED' | 'PURPLE' | null
  purple: boolean
  state: string
  createdAt: string
  acknowledgeBy: string | null
  overdue: boolean
  paged: boolean
  changedAt: string | null
}
