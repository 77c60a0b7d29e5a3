/** The maternal module's calls and shapes (mirrors of `cn.fuyou.maternal.*`). */
import { compact, http, path, type NumberText, type Page } from '../../api'

/** `RiskColour`: the four grading colours (purple is a separate flag). */
export type Colour = 'GREEN' | 'YELLOW' | 'ORANGE' | 'RED'

/** `MaternalWorklists.Item`: one line of the antenatal/postpartum worklist. */
export interface WorklistItem {
  kind: string
  pregnancyId: string
  personId: string
  personName: string | null
  colour: string | null
  purple: boolean
  itemCode: string | null
  labelZh: string | null
  labelEn: string | null
  dueFrom: string | null
  dueUntil: string | null
  status: 'DUE' | 'OVERDUE' | (string & {})
}

/** `PregnancyRecord.InstitutionRef`. */
export interface PregnancyInstitution {
  id: string
  code: string
  nameZh: string
  nameEn?: string | null
  level: number
  areaCode?: string | null
}

/** `PregnancyRecord.GestationalAge`: days, and the same as weeks + days. */
export interface GestationalAge {
  days: number
  weeks: number
  dayOfWeek: number
}

/** `PregnancyRecord.CareWarning`: her care institution is below the level her colour needs. */
export interface CareWarning {
  requiredLevel: number
  careLevel: number
  messageZh: string
  messageEn: string
}

/** `PregnancyRecord.Contact`: one antenatal contact. */
export interface Contact {
  id: string
  contactDate: string
  gestationalAge: GestationalAge
  institutionCode: string
  institutionNameZh?: string | null
  weightKg?: number | null
  systolic?: number | null
  diastolic?: number | null
  fundalHeightCm?: number | null
  fetalHeartRate?: number | null
  presentation?: string | null
  oedema?: string | null
  urineProtein?: string | null
  hemoglobinGPerL?: number | null
  plateletsE9PerL?: number | null
  glucoseFasting?: number | null
  ogtt1h?: number | null
  ogtt2h?: number | null
  bloodGroup?: string | null
  rh?: string | null
  hiv?: string | null
  syphilis?: string | null
  hbsag?: string | null
  creatinineTimesUpperLimit?: number | null
  pulmonaryArterySystolicMmHg?: number | null
  nyhaClass?: number | null
  ejectionFractionPercent?: number | null
  ultrasound?: string | null
  factors: string[]
  plan?: string | null
  nextAppointment?: string | null
  createdBy: string
  createdAt: string
}

/** `RiskGrading.Factor`: one reason for a grading's colour. */
export interface GradingFactor {
  code: string
  colour: string
  reasonZh: string
  reasonEn: string
}

/** `PregnancyRecord.Grading`: one risk grading (`factors` is the stored JSON list of `RiskGrading.Factor`). */
export interface Grading {
  id: string
  assessedOn: string
  stage: string
  computedColour: Colour
  colour: Colour
  purple: boolean
  screenPositive: boolean
  factors: GradingFactor[]
  ruleSetVersion: string
  overrideReason?: string | null
  confirmed: boolean
  institutionCode: string
  createdBy: string
  createdAt: string
}

/** `PregnancyRecord.Case`: a high-risk (dedicated) case, `description` in the reader's language. */
export interface PregnancyCase {
  id: string
  kind: string
  reason?: string | null
  districtCode?: string | null
  reportedToInstitutionCode?: string | null
  openedAt: string
  status: string
  closedAt?: string | null
  outcome?: string | null
  description: string
}

/** `PregnancyRecord.Task`: a grading task of the care institution. */
export interface GradingTask {
  id: string
  institutionCode: string
  createdOn: string
  dueOn: string
  status: string
  doneOn?: string | null
}

/** `PregnancyRecord.ScheduledVisit`: one window of the antenatal schedule. */
export interface ScheduledVisit {
  number: number
  labelZh: string
  labelEn: string
  dueFrom: string
  dueUntil: string
  doneOn?: string | null
  status: string
}

/** `PregnancyRecord.Newborn`. */
export interface Newborn {
  id: string
  birthOrder: number
  childId?: string | null
  sex: string
  weightG: number
  lengthCm?: number | null
  headCircumferenceCm?: number | null
  apgar1?: number | null
  apgar5?: number | null
  apgar10?: number | null
  liveBorn: boolean
  anomalies?: string | null
  nicuTransfer: boolean
  implausibleReason?: string | null
}

/** `PregnancyRecord.Delivery`. */
export interface Delivery {
  id: string
  deliveredAt: string
  gestationalAge: GestationalAge
  mode: string
  caesareanIndication?: string | null
  institutionCode: string
  attendant?: string | null
  bloodLossMl?: number | null
  complications: string[]
  maternalCondition: string
  dischargedOn?: string | null
  newborns: Newborn[]
}

/** `PregnancyRecord.PostpartumVisit`. */
export interface PostpartumVisit {
  id: string
  kind: string
  visitDate: string
  findings?: string | null
  systolic?: number | null
  diastolic?: number | null
  createdBy: string
}

/** `PregnancyRecord.InfantItem`: one item of an exposed infant's PMTCT schedule. */
export interface InfantItem {
  id: string
  childId: string
  code: string
  labelZh: string
  labelEn: string
  dueFrom?: string | null
  dueUntil?: string | null
  doneAt?: string | null
  result?: string | null
  status: string
  finding?: string | null
  antiHbsMiuPerMl?: number | null
  test: boolean
}

/** `PregnancyRecord.InfantFollowUp`: an exposed infant's follow-up, FOLLOWING until an exit. */
export interface InfantFollowUp {
  childId: string
  status: string
  outcome?: string | null
  reasonZh?: string | null
  reasonEn?: string | null
  exitedOn?: string | null
}

/** `PregnancyRecord.Antiviral`: HBV antiviral from 28–32 weeks when indicated. */
export interface Antiviral {
  indicated: boolean
  from?: string | null
  until?: string | null
  startedOn?: string | null
  status: string
}

/** `PregnancyRecord.Pmtct`: one PMTCT case (HIV, syphilis, HBV) of the pregnancy. */
export interface PmtctCase {
  id: string
  infection: string
  foundOn: string
  foundAtStage: string
  maternalArtStart?: string | null
  viralLoadCopies?: number | null
  hbvDnaIuPerMl?: number | null
  hbeagPositive?: boolean | null
  treatment?: string | null
  status: string
  version: number
  infantItems: InfantItem[]
  infants: InfantFollowUp[]
  antiviral?: Antiviral | null
}

/** `PregnancyRecord`: everything on a pregnancy's page. */
export interface PregnancyRecord {
  id: string
  womanId: string
  womanName: string
  womanBirthDate?: string | null
  womanAreaCode?: string | null
  partnerId?: string | null
  registeredInstitution: PregnancyInstitution
  careInstitution: PregnancyInstitution
  registeredOn: string
  gravida: number
  para: number
  lmp?: string | null
  ultrasoundDate?: string | null
  ultrasoundCrlMm?: number | null
  ultrasoundGestationalAgeDays?: number | null
  artTransferDate?: string | null
  artEmbryoAgeDays?: number | null
  edd: string
  datingMethod: string
  redated: boolean
  suboptimallyDated: boolean
  /** Only while the pregnancy is open and undelivered. */
  gestationalAgeToday?: GestationalAge | null
  heightCm?: number | null
  prePregnancyWeightKg?: number | null
  fetusCount: number
  uterineSurgeries: number
  monthsSinceLastUterineSurgery?: number | null
  lastBirthDate?: string | null
  historyFactors: string[]
  historyNotes: string
  status: string
  outcome?: string | null
  outcomeDate?: string | null
  colour?: Colour | null
  purple: boolean
  screenPositive: boolean
  careWarning?: CareWarning | null
  contacts: Contact[]
  gradings: Grading[]
  cases: PregnancyCase[]
  gradingTasks: GradingTask[]
  schedule: ScheduledVisit[]
  delivery?: Delivery | null
  postpartumVisits: PostpartumVisit[]
  pmtct: PmtctCase[]
  version: number
}

/** `Pregnancies.PregnancySummary`: one of a woman's pregnancies. */
export interface PregnancySummary {
  id: string
  registeredOn: string
  edd: string
  status: string
  outcome?: string | null
  colour?: string | null
  purple: boolean
}

/** `PregnancyRegistration` (建册) as the register form sends it. */
export interface PregnancyRegistration {
  womanId: string
  partnerId?: string
  registeredOn?: string
  gravida: number
  para: number
  lmp?: string
  heightCm?: number
  prePregnancyWeightKg?: number
  fetusCount?: number
  uterineSurgeries?: number
  monthsSinceLastUterineSurgery?: number
  lastBirthDate?: string
  historyFactors?: string[]
  historyNotes?: string
}

/** `ContactForm`: one antenatal contact as the form holds it (blank fields are not sent). */
export interface ContactForm {
  contactDate: string
  weightKg?: NumberText
  systolic?: NumberText
  diastolic?: NumberText
  fundalHeightCm?: NumberText
  fetalHeartRate?: NumberText
  hemoglobinGPerL?: NumberText
  plateletsE9PerL?: NumberText
  rh?: string
  hiv?: string
  syphilis?: string
  hbsag?: string
  factors: string[]
  plan?: string
}

/** `Pregnancies.LaterUltrasound`: a scan after registration (blank fields are not sent). */
export interface LaterUltrasound {
  date: string
  crlMm?: NumberText
  gestationalAgeDays?: NumberText
  version: number
}

/** `PregnancyController.Confirmation`: confirm a grading, or override its colour with a reason. */
export interface GradingConfirmation {
  colour?: string
  reason?: string
}

/** `Pmtct.ItemResult` (blank fields are not sent). */
export interface PmtctItemResult {
  doneAt: string
  result?: string
  finding?: string
  antiHbsMiuPerMl?: NumberText
}

/** `Pmtct.Treatment` (blank fields are not sent). */
export interface PmtctTreatment {
  maternalArtStart?: string | null
  viralLoadCopies?: NumberText | null
  hbvDnaIuPerMl?: NumberText | null
  hbeagPositive?: boolean
  treatment?: string | null
  antiviralStart?: string | null
  version: number
}

/** `Pmtct.ExitForm`: an exposed infant lost to follow-up or died (blank fields are not sent). */
export interface PmtctExit {
  outcome: 'LOST_TO_FOLLOW_UP' | 'DIED'
  on: string
  reason: string
}

/** A rapid test's result on a form: not done (''), negative or positive. */
export type TestResult = '' | 'NEGATIVE' | 'POSITIVE'

/** `DeliveryForm.Baby` as the form holds it (numbers typed as text). */
export interface BabyForm {
  sex: 'F' | 'M' | 'U'; weightG: string; lengthCm: string; headCircumferenceCm: string; apgar1: string; apgar5: string
  liveBorn: boolean; nicuTransfer: boolean; anomalies: string; givenName: string; implausibleReason: string
}

/** `DeliveryForm` as the form holds it; `deliveredAt` an instant. */
export interface DeliveryForm {
  deliveredAt: string; mode: 'VAGINAL' | 'ASSISTED' | 'CAESAREAN'; caesareanIndication: string; attendant: string; bloodLossMl: string
  maternalCondition: 'GOOD' | 'CRITICAL' | 'DIED'; dischargedOn: string
  hivRapidTest: TestResult; syphilisRapidTest: TestResult; hbsagRapidTest: TestResult; babies: BabyForm[]
}

/** `Deliveries.PostpartumForm` as the form holds it. */
export interface PostpartumForm {
  kind: 'HOME_VISIT' | 'DAY_42'; visitDate: string; systolic: string; diastolic: string; findings: string; factors: string[]
  hiv: TestResult; syphilis: TestResult; hbsag: TestResult
}

/** `CasePlanPolicy.Defaults`: what §1 asks for her colour. */
export interface PlanDefaults {
  visitEveryDays: number
  deliveryLevel: number
}

/** `DedicatedCases.Plan`: a dedicated case's individual plan. */
export interface CasePlan {
  visitEveryDays?: number | null
  deliveryLevel?: number | null
  consultations: string[]
  tests: string[]
  agreedWithInstitutionCode?: string | null
  notes?: string | null
  rule?: string | null
  changedAt?: string | null
  changedBy?: string | null
}

/** `DedicatedCases.FollowUp`. */
export interface CaseFollowUp {
  id: string
  kind: 'FOLLOW_UP' | 'TRANSFER' | 'REVIEW'
  on: string
  note: string
  toInstitutionCode?: string | null
  institutionCode?: string | null
  createdBy: string
}

/** `DedicatedCases.CaseView`: a dedicated (high-risk) case with its plan and follow-ups. */
export interface CaseView {
  id: string
  pregnancyId: string
  womanId: string
  kind: string
  reason?: string | null
  colour: string
  purple: boolean
  districtCode?: string | null
  reportedToInstitutionCode?: string | null
  careInstitutionCode?: string | null
  status: string
  openedAt: string
  closedAt?: string | null
  outcome?: string | null
  plan: CasePlan
  planDefaults: PlanDefaults
  followUps: CaseFollowUp[]
  version: number
}

/** `DedicatedCases.PlanForm`. */
export interface PlanForm {
  visitEveryDays?: NumberText | null
  deliveryLevel?: number | null
  consultations: string[]
  tests: string[]
  agreedWithInstitutionCode?: string
  notes?: string
  version: number
}

/** `DedicatedCases.FollowUpForm`. */
export interface FollowUpForm {
  kind: 'FOLLOW_UP' | 'TRANSFER' | 'REVIEW'
  on: string
  note: string
  toInstitutionCode?: string
}

export const pregnancies = {
  get: (id: string) => http.get<PregnancyRecord>(path('/api/pregnancies', id)),
  /** A woman's pregnancies (an audited read of her record). */
  forWoman: (womanId: string) => http.get<PregnancySummary[]>('/api/pregnancies', { womanId }),
  /** Blank fields are not sent. */
  register: (r: PregnancyRegistration) => http.post<PregnancyRecord>('/api/pregnancies', compact(r)),
  addContact: (id: string, f: ContactForm) => http.post<PregnancyRecord>(path('/api/pregnancies', id, 'contacts'), compact(f)),
  addUltrasound: (id: string, u: LaterUltrasound) => http.post<PregnancyRecord>(path('/api/pregnancies', id, 'ultrasounds'), compact(u)),
  /** Blank fields (of the delivery and of each baby) are not sent. */
  recordDelivery: (id: string, f: DeliveryForm) =>
    http.post<PregnancyRecord>(path('/api/pregnancies', id, 'delivery'), compact({ ...f, babies: f.babies.map((b) => compact(b)) })),
  /** Blank fields are not sent. */
  recordPostpartum: (id: string, f: PostpartumForm) => http.post<PregnancyRecord>(path('/api/pregnancies', id, 'postpartum-visits'), compact(f)),
  confirmGrading: (gradingId: string, c: GradingConfirmation) => http.post(path('/api/gradings', gradingId, 'confirm'), c)
}

export const pmtct = {
  completeItem: (itemId: string, r: PmtctItemResult) => http.post(path('/api/pmtct-items', itemId, 'complete'), compact(r)),
  updateTreatment: (caseId: string, t: PmtctTreatment) => http.put(path('/api/pmtct-cases', caseId), compact(t)),
  exitInfant: (caseId: string, childId: string, f: PmtctExit) => http.post(path('/api/pmtct-cases', caseId, 'infants', childId, 'exit'), compact(f))
}

export const dedicatedCases = {
  get: (id: string) => http.get<CaseView>(path('/api/maternal/cases', id)),
  updatePlan: (id: string, f: PlanForm) => http.put<CaseView>(path('/api/maternal/cases', id, 'plan'), f),
  addFollowUp: (id: string, f: FollowUpForm) => http.post<CaseView>(path('/api/maternal/cases', id, 'follow-ups'), f)
}

/** `MaternalWorklists.CaseItem`: a dedicated (high-risk) case in the district list. */
export interface CaseItem {
  caseId: string
  pregnancyId: string
  womanId: string
  womanName: string
  colour: string | null
  purple: boolean
  reason: string | null
  districtCode: string | null
  reportedToCode: string | null
  careInstitutionCode: string
  careInstitutionNameZh: string
  edd: string | null
  openedAt: string
  status: 'OPEN' | 'CLOSED'
}

/** The worklist's filters (blank ones are not sent). */
export interface WorklistFilter {
  kind?: string
  status?: string
  colour?: string
  q?: string
  page?: number
  size?: number
}

export interface CaseFilter {
  district?: string
  status?: '' | 'OPEN' | 'CLOSED'
  page?: number
  size?: number
}

export const worklist = {
  list: (f: WorklistFilter) => http.get<Page<WorklistItem>>('/api/maternal/worklist', { ...f }),
  /** The district's dedicated cases. */
  cases: (f: CaseFilter) => http.get<Page<CaseItem>>('/api/maternal/cases', { ...f })
}
