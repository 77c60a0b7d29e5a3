/** The child-health module's calls and shapes (mirrors of `cn.fuyou.childhealth.*`). */
import { compact, http, path, type Page } from '../../api'

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

/** `ChildRecord.Visit`: one well-child visit with its WHO z-scores. */
export interface ChildVisit {
  id: string
  visitDate: string
  ageDays: number
  scheduleCode?: string | null
  weightKg?: number | null
  lengthCm?: number | null
  measurement?: string | null
  headCircumferenceCm?: number | null
  oedema: boolean
  hemoglobinGPerL?: number | null
  milestones: string[]
  feeding?: string | null
  findings?: string | null
  advice?: string | null
  waz?: number | null
  lhaz?: number | null
  whz?: number | null
  bmiz?: number | null
  hcz?: number | null
  flags: string[]
  classification: string[]
  growthStandard?: string | null
  institutionCode?: string | null
  createdBy: string
}

/** `ChildRecord.ScheduledVisit`: one window of the well-child schedule. */
export interface ChildScheduledVisit {
  code: string
  labelZh: string
  labelEn: string
  dueFrom: string
  dueUntil: string
  haemoglobin: boolean
  doneOn?: string | null
  status: string
}

/** `ChildRecord.HighRisk`: why she is on the high-risk infant list (open until `closedOn`). */
export interface ChildHighRisk {
  reason: string
  detail?: string | null
  since: string
  closedOn?: string | null
}

/** `ChildRecord`: a child's record from birth to age three. */
export interface ChildRecord {
  childId: string
  name: string
  sex: string
  birthDate: string
  motherId?: string | null
  motherName?: string | null
  institutionCode?: string | null
  source: string
  birthGaDays?: number | null
  birthWeightG?: number | null
  birthLengthCm?: number | null
  birthHeadCircumferenceCm?: number | null
  apgar1?: number | null
  apgar5?: number | null
  apgar10?: number | null
  anomalies?: string | null
  nicuStay: boolean
  pmtctExposed: boolean
  ageDays: number
  visits: ChildVisit[]
  schedule: ChildScheduledVisit[]
  highRisk: ChildHighRisk[]
  version: number
}

/** `VisitForm` as the visit dialog holds it (numbers typed as text; blank fields are not sent). */
export interface VisitForm {
  visitDate: string
  measurement: string
  weightKg?: string
  lengthCm?: string
  headCircumferenceCm?: string
}

/** `GrowthController.Point`: the WHO −3…+3 SD lines at one age (days) or length (cm). */
export interface GrowthPoint {
  x: number
  sd3neg: number
  sd2neg: number
  sd1neg: number
  median: number
  sd1: number
  sd2: number
  sd3: number
}

/** `GrowthController.Curves`. */
export interface GrowthCurves {
  indicator: string
  sex: string
  xUnit: string
  points: GrowthPoint[]
}

export const children = {
  get: (id: string) => http.get<ChildRecord>(path('/api/children', id)),
  /** Blank fields are not sent. */
  recordVisit: (id: string, f: VisitForm) => http.post<ChildRecord>(path('/api/children', id, 'visits'), compact(f)),
  hospitalStays: (id: string) => http.get<HospitalStay[]>(path('/api/children', id, 'hospital-stays')),
  worklist: (f: { status?: string; highRiskOnly?: boolean; page?: number; size?: number }) => http.get<Page<ChildWorkItem>>('/api/childhealth/worklist', { ...f }),
  highRisk: (f: { page?: number; size?: number }) => http.get<Page<HighRiskChild>>('/api/childhealth/high-risk', { ...f })
}

export const growth = {
  curves: (q: { indicator: string; sex: 'male' | 'female'; fromDays?: number; toDays?: number }) => http.get<GrowthCurves>('/api/growth/curves', q)
}

/** `Nurseries.StaffView` (`certificates`: the stored JSON of `Staff.Certificate`). */
export interface NurseryStaff {
  id: string
  name: string
  role: string
  certificates: { title: string; issuedOn: string; expiresOn?: string | null }[]
}

/** `Nurseries.InspectionView` (`results`: pass/fail by checklist item code). */
export interface Inspection {
  id: string
  kind: string
  visitedOn: string
  checklistVersion: string
  results: Record<string, boolean>
  findings?: string | null
  rectificationDue?: string | null
  rectifiedOn?: string | null
  inspector: string
  createdAt: string
}

/** `Nurseries.EnrolledChild`. */
export interface EnrolledChild {
  childId: string
  name: string
  consentOn: string
  enrolledOn: string
}

/** The current inspection checklist (`inspection_checklist`: version, title, items). */
export interface InspectionChecklist {
  version: string
  title: string
  items: { code: string; zh: string; en: string }[]
}

/** `Nurseries.Licence`. */
export interface Licence {
  licenceNumber: string
  capacity: number
  ageGroups: string[]
  version?: number
}

/** `Nurseries.Inspection`. */
export interface NewInspection {
  kind: string
  visitedOn: string
  results: Record<string, boolean>
  findings?: string
  rectificationDue?: string
}

/** `Nurseries.GuidanceEvent`: a free clinic or a training for nurseries. */
export interface GuidanceEvent {
  kind: string
  title: string
  heldOn: string
  place?: string
  attendance?: { name: string; nurseryCode?: string }[]
}

export const nurseries = {
  list: () => http.get<NurseryView[]>('/api/nurseries'),
  get: (code: string) => http.get<NurseryView>(path('/api/nurseries', code)),
  saveLicence: (code: string, l: Licence) => http.put<NurseryView>(path('/api/nurseries', code, 'licence'), l),
  staff: (code: string) => http.get<NurseryStaff[]>(path('/api/nurseries', code, 'staff')),
  addStaff: (code: string, s: { name: string; role: string; certificates: { title: string; issuedOn: string; expiresOn?: string }[] }) =>
    http.post<{ id: string }>(path('/api/nurseries', code, 'staff'), s),
  inspections: (code: string) => http.get<Inspection[]>(path('/api/nurseries', code, 'inspections')),
  inspect: (code: string, x: NewInspection) => http.post<{ id: string }>(path('/api/nurseries', code, 'inspections'), x),
  /** Marks an inspection's findings rectified (`on` left out: today). */
  rectified: (inspectionId: string, r: { on?: string }) => http.post(path('/api/nurseries/inspections', inspectionId, 'rectified'), r),
  children: (code: string) => http.get<EnrolledChild[]>(path('/api/nurseries', code, 'children')),
  checklist: () => http.get<InspectionChecklist>('/api/nurseries/checklist'),
  events: () => http.get<NurseryEvent[]>('/api/nurseries/events'),
  recordEvent: (e: GuidanceEvent) => http.post<{ id: string }>('/api/nurseries/events', e)
}
