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
