/**
 * The network module's calls and shapes (mirrors of `cn.fuyou.network.Referrals.*`): referrals,
 * their history and moves. Institutions come by code and by name (zh and en).
 */
import { http, path, type Page } from '../../api'

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

/** `Referrals.Attachment`: a file sent with a referral or consultation (its content base64-encoded). */
export interface NewAttachment {
  fileName: string
  base64: string
}

/** `Referrals.NewReferral`. */
export interface NewReferral {
  personId: string
  pregnancyId?: string
  kind: 'MATERNAL' | 'NEWBORN' | 'CHILD' | 'INFERTILITY'
  /** Left out when the referral goes to her area's designated critical care centre. */
  toInstitutionCode?: string
  toDesignatedCentre?: boolean
  urgency: Urgency | (string & {})
  reason: string
  findings?: string[]
  summary?: string
  screenFollowUp?: boolean
  attachments?: NewAttachment[]
}

export const referrals = {
  create: (r: NewReferral) => http.post<Referral>('/api/referrals', r),
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

export interface InboxFilter {
  direction: 'incoming' | 'outgoing' | (string & {})
  state?: string
  overdue?: boolean
  page?: number
  size?: number
}

export const inbox = {
  list: (f: InboxFilter) => http.get<Page<InboxItem>>('/api/network/inbox', { ...f }),
  /** Referrals whose follow-up after a back-referral is overdue. */
  overdueFollowUps: () => http.get<InboxItem[]>('/api/network/follow-ups')
}

export const alliance = {
  stats: () => http.get<AllianceRow[]>('/api/network/alliance/stats')
}

export type ConsultationType = 'GENERAL_MCH' | 'INFERTILITY_REMOTE_WORKSTATION'

/** `Consultations.Message`: one message of a consultation's thread. */
export interface ConsultationMessage {
  at: string
  byUser: string
  body: string
}

/** `Consultations.View`: one consultation with its thread. */
export interface Consultation {
  id: string
  type: ConsultationType
  personId?: string | null
  fromInstitutionCode: string
  toInstitutionCode: string
  summary: string
  question: string
  status: 'OPEN' | 'ANSWERED' | (string & {})
  opinion?: string | null
  answeredAt?: string | null
  answeredBy?: string | null
  createdAt: string
  createdBy: string
  messages: ConsultationMessage[]
}

/** `Consultations.NewConsultation`. */
export interface NewConsultation {
  type: ConsultationType
  personId?: string
  toInstitutionCode: string
  summary: string
  question: string
  attachments?: NewAttachment[]
}

export const consultations = {
  list: (direction: 'incoming' | 'outgoing' | (string & {})) => http.get<Consultation[]>('/api/network/consultations', { direction }),
  ask: (c: NewConsultation) => http.post<Consultation>('/api/network/consultations', c),
  /** A message in the thread, or (`opinion`) the answer that closes it. */
  post: (id: string, kind: 'messages' | 'opinion', body: string) => http.post<Consultation>(path('/api/network/consultations', id, kind), { body })
}
