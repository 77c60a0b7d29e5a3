/** The critical-care module's calls and shapes (mirrors of `cn.fuyou.criticalcare.*`). */
import { http, path, type Page } from '../../api'
import type { PersonForm } from '../registry/api'

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

/** `CriticalCases.TeamView`: one member of the treating team. */
export interface TeamMemberView {
  name: string
  role: string
  institutionCode?: string | null
  institutionName?: string | null
  addedAt: string
}

/** `CriticalCases.EventView`: one entry of the case's timeline. */
export interface CaseEvent {
  at: string
  kind: string
  text: string
  byUser: string
}

/** `CriticalCases.AssessmentView`: one near-miss checklist assessment (`measured`: the values by field name). */
export interface AssessmentView {
  assessedAt: string
  findings: string[]
  measured: Record<string, unknown>
  criteria: string[]
  ruleVersion: string
}

/** `CriticalCases.CaseView`: one critical (near-miss) case as its page shows it. */
export interface CriticalCase {
  id: string
  personId: string
  personName: string
  pregnancyId?: string | null
  reportingInstitutionCode: string
  reportingInstitutionName: string
  centreInstitutionCode?: string | null
  centreInstitutionName?: string | null
  districtMchInstitutionCode?: string | null
  districtMchInstitutionName?: string | null
  areaCode?: string | null
  registeredOnSpot: boolean
  stage: string
  gestationalWeeks?: number | null
  pregnancyEndedOn?: string | null
  onsetAt: string
  diagnosis: string
  criteria: string[]
  organSystems: string[]
  lifeThreatening: boolean
  classification: Classification
  ruleVersion: string
  referralId?: string | null
  state: CaseState
  icuDays?: number | null
  unitsTransfused?: number | null
  laparotomy: boolean
  hysterectomy?: string | null
  outcome?: string | null
  outcomeBasis?: string | null
  outcomeOn?: string | null
  deathReportId?: string | null
  team: TeamMemberView[]
  assessments: AssessmentView[]
  timeline: CaseEvent[]
  mayTreat: boolean
  createdAt: string
  createdBy: string
  version: number
}

/** `Checklist`: the WHO near-miss checklist as the form sends it (findings and measured values, all optional). */
export interface Checklist {
  findings: string[]
  ph?: number
  lactateMmolL?: number
  respiratoryRate?: number
  minutesSpo2Below90?: number
  pao2Fio2?: number
  creatinineUmolL?: number
  plateletsE9L?: number
  transfusionUnits?: number
  bilirubinUmolL?: number
  unconsciousHours?: number
}

/** `CriticalCases.NewCase`: a critical case reported for a registered woman (`personId`) or one registered on the spot (`newPerson`). */
export interface NewCase {
  personId?: string
  newPerson?: PersonForm
  pregnancyId?: string
  stage: 'PREGNANT' | 'POSTPARTUM' | 'POST_ABORTION' | (string & {})
  gestationalWeeks?: number
  pregnancyEndedOn?: string
  onsetAt: string
  diagnosis: string
  checklist: Checklist
  routeToCentre?: boolean
}

/** `CriticalCases.Interventions`. */
export interface Interventions {
  icuDays?: number
  unitsTransfused?: number
  laparotomy: boolean
  hysterectomy?: string
  version: number
}

/** `CriticalCases.Outcome`. */
export interface CaseOutcome {
  outcome: 'SURVIVED' | 'DIED' | (string & {})
  basis: 'DISCHARGE' | 'DAY_42' | 'DEATH' | (string & {})
  outcomeOn: string
  version: number
}

/** `NearMissCalculatorController.Response`: what the checklist says. */
export interface NearMissResult {
  criteria: string[]
  organSystems: string[]
  lifeThreatening: boolean
  classification: Classification
  ruleVersion: string
}

/** One near-miss criterion (`NearMissCalculatorController.Criterion`); `field` names a VALUE criterion's measured value. */
export interface Criterion { code: string; kind: 'FINDING' | 'VALUE'; field?: string | null; system: string; nameZh: string; nameEn: string }
/** The checklist's rule data: organ systems, criteria and the plausible range [min, max] of each measured value. */
export interface CriteriaSet { ruleVersion: string; systems: string[]; criteria: Criterion[]; plausible: Record<string, [number, number]> }

export const nearMiss = {
  criteria: () => http.get<CriteriaSet>('/api/calculators/near-miss/criteria'),
  calculate: (c: Checklist) => http.post<NearMissResult>('/api/calculators/near-miss', c)
}

export const cases = {
  list: (f: CaseFilter) => http.get<Page<CaseRow>>('/api/critical-cases', { ...f }),
  report: (c: NewCase) => http.post<CriticalCase>('/api/critical-cases', c),
  get: (id: string) => http.get<CriticalCase>(path('/api/critical-cases', id)),
  addTeamMember: (id: string, m: { name: string; role: string; version: number }) => http.post<CriticalCase>(path('/api/critical-cases', id, 'team'), m),
  recordInterventions: (id: string, i: Interventions) => http.put<CriticalCase>(path('/api/critical-cases', id, 'interventions'), i),
  recordOutcome: (id: string, o: CaseOutcome) => http.post<CriticalCase>(path('/api/critical-cases', id, 'outcome'), o),
  note: (id: string, text: string) => http.post<CriticalCase>(path('/api/critical-cases', id, 'notes'), { text })
}

/** `DeathReports.DeathReportView`: one maternal death report card with its 2-day timer. */
export interface DeathReport {
  id: string
  caseId?: string | null
  personId: string
  personName: string
  idNumber?: string | null
  pregnancyId?: string | null
  source: string
  reportingInstitutionCode: string
  reportingInstitutionName: string
  districtMchInstitutionCode?: string | null
  districtMchInstitutionName?: string | null
  areaCode?: string | null
  deathDate: string
  dueOn: string
  daysLeft: number
  status: DeathStatus
  reportedOn?: string | null
  reportedBy?: string | null
  inTime?: boolean | null
  overdue: boolean
  escalatedAt?: string | null
  ageYears?: number | null
  residence?: string | null
  household?: string | null
  education?: string | null
  gravida?: number | null
  parity?: number | null
  stageAtDeath?: string | null
  deliveryDate?: string | null
  deliveryPlace?: string | null
  deliveryMode?: string | null
  gestationalWeeks?: number | null
  antenatalVisits?: number | null
  placeOfDeath?: string | null
  diagnosisLevel?: string | null
  causeGroup?: string | null
  causeType?: string | null
  underlyingCauseIcd10?: string | null
  underlyingCauseText?: string | null
  notes?: string | null
  reviewId?: string | null
  reviewStatus?: string | null
  mayEdit: boolean
  version: number
}

/** `DeathReports.Card`: the report card's fields (each may be left empty until it is reported). */
export interface DeathCard {
  ageYears?: number
  residence?: string
  household?: string
  education?: string
  gravida?: number
  parity?: number
  stageAtDeath?: string
  deliveryDate?: string
  deliveryPlace?: string
  deliveryMode?: string
  gestationalWeeks?: number
  antenatalVisits?: number
  placeOfDeath?: string
  diagnosisLevel?: string
  causeGroup?: string
  underlyingCauseIcd10?: string
  underlyingCauseText?: string
  notes?: string
}

/** `CriticalCareController.Group`: one ICD-MM cause group. */
export interface IcdMmGroup {
  code: string
  number: number
  type: string
  nameZh: string
  nameEn: string
  maternal: boolean
}

export const deaths = {
  list: (f: DeathFilter) => http.get<Page<DeathRow>>('/api/maternal-deaths', { ...f }),
  get: (id: string) => http.get<DeathReport>(path('/api/maternal-deaths', id)),
  updateCard: (id: string, c: DeathCard & { version: number }) => http.put<DeathReport>(path('/api/maternal-deaths', id), c),
  report: (id: string, version: number) => http.post<DeathReport>(path('/api/maternal-deaths', id, 'report'), { version }),
  icdMmGroups: () => http.get<IcdMmGroup[]>('/api/maternal-deaths/icd-mm-groups')
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

/** `InterviewNotices.NewNotice` as the form sends it. */
export interface NewNotice {
  kind: 'INTERVIEW' | 'NOTICE' | (string & {})
  targetInstitutionCode: string
  issuedOn: string
  subject: string
  findings: string
  followUpDemanded: string
  followUpDue: string
  caseIds?: string[]
  deathReportIds?: string[]
}

export const notices = {
  list: (f: { status?: string; page?: number; size?: number }) => http.get<Page<Notice>>('/api/interview-notices', { ...f }),
  issue: (n: NewNotice) => http.post<Notice>('/api/interview-notices', n),
  /** The institution's response, or (`close`) the official's closing note. */
  reply: (id: string, what: 'response' | 'close', text: string, version: number) => http.post<Notice>(path('/api/interview-notices', id, what), { text, version })
}

/** `CaseReviews.Member`: a member of the review committee. */
export interface ReviewMember {
  name: string
  role?: string | null
  institution?: string | null
}

/** `CaseReviews.NewReview`: a review of a death report or a near-miss case. */
export interface NewReview {
  caseId?: string
  deathReportId?: string
  level: 'CITY' | 'DISTRICT' | 'FACILITY' | (string & {})
  meetingDate: string
  members: ReviewMember[]
}

/** `CaseReviews.FactorView`: a contributing factor and its delay. */
export interface ReviewFactor {
  level: string
  delay: string
  description: string
}

/** `EvidenceAssembly.Contact`. */
export interface EvidenceContact {
  date: string
  institution?: string | null
  gaWeeks?: number | null
  bloodPressure?: string | null
  hemoglobin?: string | null
  platelets?: string | null
  factors: string[]
}

/** `EvidenceAssembly.Grading`. */
export interface EvidenceGrading {
  date: string
  colour?: string | null
  purple: boolean
  institution: string
  ruleSetVersion: string
  reasons: string[]
}

/** `EvidenceAssembly.Pregnancy` (`delivery`: deliveredAt, mode, institution, bloodLossMl, complications, maternalCondition). */
export interface EvidencePregnancy {
  id: string
  registeredOn: string
  edd: string
  status: string
  outcome?: string | null
  outcomeDate?: string | null
  colour?: string | null
  careInstitution?: string | null
  contacts: EvidenceContact[]
  gradings: EvidenceGrading[]
  delivery?: Record<string, unknown> | null
}

/** `EvidenceAssembly.Referral`. */
export interface EvidenceReferral {
  id: string
  from: string
  to: string
  urgency: string
  state: string
  reason: string
  createdAt: string
  decidedAt?: string | null
  departedAt?: string | null
  arrivedAt?: string | null
  completedAt?: string | null
}

/** `EvidenceAssembly.Case`. */
export interface EvidenceCase {
  id: string
  onsetAt: string
  reportedBy: string
  centre?: string | null
  diagnosis: string
  criteria: string[]
  classification: string
  icuDays?: number | null
  unitsTransfused?: number | null
  laparotomy: boolean
  hysterectomy?: string | null
  timeline: CaseEvent[]
}

/** `EvidenceAssembly.Evidence`: her whole record as the committee reads it (`gaps`: what could not be read). */
export interface Evidence {
  assembledAt: string
  assembledBy: string
  woman: string
  birthDate?: string | null
  areaCode?: string | null
  pregnancies: EvidencePregnancy[]
  referrals: EvidenceReferral[]
  criticalCases: EvidenceCase[]
  gaps: string[]
}

/** `CaseReviews.ReviewView`: one review (`members` and `evidence` are the stored JSON of `Member[]` and `Evidence`). */
export interface Review {
  id: string
  subject: string
  deathReportId?: string | null
  caseId?: string | null
  personId?: string | null
  personName?: string | null
  areaCode?: string | null
  level: string
  organiserInstitutionName?: string | null
  meetingDate: string
  members?: ReviewMember[] | null
  evidence: Evidence
  status: string
  classification?: string | null
  summary?: string | null
  factors: ReviewFactor[]
  actions: ReviewAction[]
  concludedAt?: string | null
  closedAt?: string | null
  mayEdit: boolean
  version: number
}

/** `CaseReviews.NewAction`: an improvement action decided by the review. */
export interface NewAction {
  description: string
  ownerInstitutionCode: string
  ownerName?: string
  dueOn: string
}

/** `CaseReviews.Conclusion`; a factor's level and delay are chosen from lists (empty until chosen). */
export interface Conclusion {
  classification?: string
  summary?: string
  factors: { level?: string; delay?: string; description: string }[]
  actions: NewAction[]
  version: number
}

export const reviews = {
  list: (f: { status?: string; page?: number; size?: number }) => http.get<Page<ReviewItem>>('/api/case-reviews', { ...f }),
  create: (r: NewReview) => http.post<Review>('/api/case-reviews', r),
  get: (id: string) => http.get<Review>(path('/api/case-reviews', id)),
  refreshEvidence: (id: string, version: number) => http.post<Review>(path('/api/case-reviews', id, 'evidence'), { version }),
  conclude: (id: string, c: Conclusion) => http.post<Review>(path('/api/case-reviews', id, 'conclusion'), c)
}

export const reviewActions = {
  list: (f: { status?: string; overdue?: boolean; page?: number; size?: number }) => http.get<Page<ReviewAction>>('/api/review-actions', { ...f }),
  /** Progress on the action, or (`close`) its closing note. */
  update: (id: string, what: 'progress' | 'close', note: string, version: number) => http.post<ReviewAction>(path('/api/review-actions', id, what), { note, version })
}

export const statistics = {
  get: (q: { area: string; from?: string; to?: string }) => http.get<CcStatistics>('/api/critical-care/statistics', q)
}
