/** The critical-care module's calls and shapes (mirrors of `cn.fuyou.criticalcare.*`). */
import { http, type Page } from '../../api'

export type DeathStatus = 'DRAFT' | 'REPORTED'

/** `DeathReports.DeathItem`: one maternal death report card in the list, with its 2-day timer. */
export interface DeathRow {
  id: string
  personId: string
  personName: string
  reportingInstitutionName: string
  reportingInstitutionNameEn: string | null
  areaCode: string | null
  deathDate: string
  dueOn: string
  daysLeft: number
  status: DeathStatus
  reportedOn: string | null
  inTime: boolean | null
  overdue: boolean
  escalated: boolean
  causeGroup: string | null
  causeType: string | null
  underlyingCauseIcd10: string | null
  reviewStatus: string | null
}

export interface DeathFilter {
  overdue?: boolean
  escalated?: boolean
  status?: DeathStatus
  page?: number
  size?: number
}

export type CaseState = 'REPORTED' | 'TREATING' | 'CLOSED'
export type Classification = 'NONE' | 'LIFE_THREATENING' | 'NEAR_MISS' | 'MATERNAL_DEATH'

/** `CriticalCases.CaseItem`: one critical case in the list. */
export interface CaseRow {
  id: string
  personId: string
  personName: string
  reportingInstitutionName: string
  centreInstitutionName: string
  areaCode: string | null
  stage: string
  onsetAt: string
  diagnosis: string
  criteria: string[]
  lifeThreatening: boolean
  classification: Classification
  state: CaseState
  outcome: string | null
  outcomeOn: string | null
  incoming: boolean
}

export interface CaseFilter {
  q?: string
  state?: CaseState | ''
  classification?: Classification | ''
  page?: number
  size?: number
}

export const cases = {
  list: (f: CaseFilter) => http.get<Page<CaseRow>>('/api/critical-cases', { ...f })
}

export const deaths = {
  list: (f: DeathFilter) => http.get<Page<DeathRow>>('/api/maternal-deaths', { ...f })
}

/** `InterviewNotices.NoticeView`: an interview notice / rectification notice sent to an institution. */
export interface Notice {
  id: string
  kind: 'INTERVIEW' | 'NOTICE'
  issuerInstitutionName: string | null
  issuerAreaCode: string | null
  targetInstitutionCode: string
  targetInstitutionName: string | null
  issuedOn: string
  subject: string
  findings: string | null
  followUpDemanded: string | null
  followUpDue: string | null
  overdue: boolean
  caseIds: string[]
  deathReportIds: string[]
  status: string
  response: string | null
  respondedAt: string | null
  respondedBy: string | null
  closedAt: string | null
  closingNote: string | null
  version: number
}

/** `CaseReviews.ActionView`: an improvement action decided by a case review. */
export interface ReviewAction {
  id: string
  reviewId: string
  description: string
  ownerInstitutionCode: string | null
  ownerInstitutionName: string | null
  ownerName: string | null
  dueOn: string | null
  status: string
  overdue: boolean
  progress: string | null
  closedAt: string | null
  closedBy: string | null
  closingNote: string | null
  personName: string | null
  version: number
}

/** `CaseReviews.ReviewItem`: one case review in the list. */
export interface ReviewItem {
  id: string
  subject: string
  personId: string | null
  personName: string | null
  areaCode: string | null
  level: string
  meetingDate: string | null
  status: string
  classification: string | null
  openActions: number
  actions: number
}

/** `CriticalCareStatistics.Indicator`: one critical-care indicator over the chosen area and period. */
export interface CcIndicator {
  code: string
  nameZh: string
  nameEn: string
  numerator: string
  denominator: string
  numeratorCount: number
  denominatorCount: number
  value: number | null
  unit: string | null
}

/** `CriticalCareStatistics.DistrictRow`: one district's counts per measure. */
export interface CcDistrictRow {
  areaCode: string
  nameZh: string
  nameEn: string
  counts: Record<string, number>
}

/** `CriticalCareStatistics.Statistics`. */
export interface CcStatistics {
  areaCode: string
  from: string
  to: string
  edition: string
  indicators: CcIndicator[]
  districtMeasures: string[]
  districts: CcDistrictRow[]
}
