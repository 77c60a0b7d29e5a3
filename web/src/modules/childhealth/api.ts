/** The child-health module's shapes (mirrors of `cn.fuyou.childhealth.*`). */

/** `ChildHealth.WorkItem`: one due or overdue child-health check. */
export interface ChildWorkItem {
  childId: string
  name: string
  birthDate: string
  code: string
  labelZh: string | null
  labelEn: string | null
  dueFrom: string | null
  dueUntil: string | null
  status: 'DUE' | 'OVERDUE' | (string & {})
  highRisk: string[]
}

/** `Nurseries.NurseryView`: one nursery (托育机构) with its counts. */
export interface NurseryView {
  code: string
  nameZh: string
  nameEn: string | null
  areaCode: string | null
  licenceNumber: string | null
  capacity: number | null
  ageGroups: string[]
  enrolled: number
  staff: number
  lastInspection: string | null
  openRectifications: number
  version: number
}

/** `Nurseries.EventView`: a free clinic or a nursery training. */
export interface NurseryEvent {
  id: string
  kind: string
  title: string
  heldOn: string
  place: string | null
  attendees: number
  trainingSessionId: string | null
}

/** `ChildHealth.HighRiskChild`: one child on the high-risk infant list. */
export interface HighRiskChild {
  childId: string
  name: string
  birthDate: string
  reasons: string[]
  since: string | null
}

/** `HospitalStays.Stay`: one finished hospital stay of a child, with its discharge summary. */
export interface HospitalStay {
  id: string
  institutionCode: string
  institutionName: string | null
  admittedAt: string
  dischargedAt: string
  lengthOfStayDays: number
  diagnoses: string[]
  outcome: string
  summary: string | null
  followUpInstitutionCode: string | null
  followUpInstitutionName: string | null
  followUpPlan: string | null
}
