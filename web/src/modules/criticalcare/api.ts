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

export const deaths = {
  list: (f: DeathFilter) => http.get<Page<DeathRow>>('/api/maternal-deaths', { ...f })
}
